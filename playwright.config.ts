import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the built site, in Debian's chromium (Playwright cannot download its
 * own browser on this machine). `npm run build` must have run; the web server is `vite preview`.
 */
/** PRODREADY_E2E_PORT lets two checkouts run their suites side by side. */
const PORT = Number(process.env.PRODREADY_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    viewport: { width: 1280, height: 800 },
    // The site's service worker saves about 68 MB for offline use on every first load; only the offline
    // tests (tests/e2e/offline*.e2e.ts) want it, and allow it there.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
  },
  webServer: {
    // --bypass-lock: vite refuses a second preview of the same project (a bench, another suite) without it.
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --bypass-lock`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
