import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './cli/chromium';

/**
 * Browser tests drive real Chromium against the built static site (`out/`, served locally).
 * The browser is found by itself: Playwright's own Chromium if it is installed, else the system's
 * (Debian's `chromium` package), else the run stops with what to install.
 */
const executablePath = findChromium(
  () =>
    new Error(
      'No Chromium found for the browser tests. Install one: on Debian/Ubuntu `sudo apt-get install -y chromium`, ' +
        'or `npx playwright install chromium`; or point CHROMIUM_PATH at a Chromium binary.',
    ),
);

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    { name: 'chromium', grepInvert: /@timing/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    // Tests that time the page's main-thread tasks run last and one at a time: on two cores, a second
    // browser beside them stretches every task they measure.
    {
      name: 'timing',
      grep: /@timing/,
      dependencies: ['chromium'],
      workers: 1,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: `PORT=${PORT} npx tsx cli/serve.ts out`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
