import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3310)
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/**
 * End-to-end journeys in Debian's Chromium against the production build on the embedded default,
 * started on a fresh data directory, so every run begins from the starter content.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    // The embedded default, whatever scaled-shape variables CI has set for the integration tests.
    // Build and data live under .tmp/e2e-<port>, so runs on different E2E_PORTs can go side by side.
    command: [
      `rm -rf .tmp/e2e-${port}`,
      `export BUILD_DIR=.tmp/e2e-${port}/build`,
      'npx remix vite:build',
      `env -u DATABASE_URL -u STORAGE -u SEARCH -u WORKER NODE_ENV=production PORT=${port} DATA_DIR=.tmp/e2e-${port}/data npx tsx server.ts`,
    ].join(' && '),
    url: `http://localhost:${port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
})
