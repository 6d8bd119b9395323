// Which Chromium the browser tests (playwright.config.ts) and `npm run bench:browser` (bench/) drive, and how.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Launch arguments for Chromium. Root in CI needs --no-sandbox; the network flags keep Chromium
 * from calling home.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/**
 * The Chromium to launch: undefined when Playwright's own is installed (Playwright's default, so
 * no executablePath is needed), else the first of $CHROMIUM_PATH, /usr/bin/chromium,
 * /usr/bin/chromium-browser and /usr/bin/google-chrome that exists.
 *
 * @param notFound - the error thrown when there is none; it should say what to install.
 */
export function findChromium(notFound: () => Error): string | undefined {
  const own = chromium.executablePath();
  if (own && existsSync(own)) return undefined;
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (p && existsSync(p)) return p;
  }
  throw notFound();
}
