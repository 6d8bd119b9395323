import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    // Two cores on CI: the CLI tests spawn processes, so keep the pool small.
    maxWorkers: 2,
  },
});
