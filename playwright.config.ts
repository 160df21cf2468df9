import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the production build in dist/ (`npm run test:e2e`
 * builds it with DNHO_FIXTURES=1 so the fixture lessons in e2e/fixtures are in).
 * Chromium is Debian's (/usr/bin/chromium): Playwright's own download does not
 * work on these machines. CHROMIUM_PATH overrides it.
 */
const PORT = Number(process.env.E2E_PORT ?? 4391);
const BASE = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // Two browsers at once even on a 2-core machine: the pages mostly wait on timers and the server.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // Generous: CI has two cores and the build's preview server shares them with two browsers.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // --ignore-lock: Astro 7 allows one tracked preview server per project, and would otherwise refuse to
    // start (or, run by a tool, detach into the background) while someone else's is up.
    command: `npx astro preview --port ${PORT} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${PORT}${BASE}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
