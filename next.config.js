/**
 * Trainset is a static site: `next build` writes `out/`, which any static host serves.
 * Nothing the user uploads ever leaves the browser, so there is no server code at all.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  reactStrictMode: true,
  images: { unoptimized: true },
};

export default nextConfig;
