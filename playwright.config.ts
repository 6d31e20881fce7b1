import os from 'node:os'
import path from 'node:path'

import { defineConfig } from '@playwright/test'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium'

/** Where the platform under test keeps its database and published site: made anew each run. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
export const E2E_DIR = path.join(os.tmpdir(), `mrp-e2e-${E2E_PORT}`)
/**
 * The address the browser opens: `localhost` (SITE_URL, the address `npm start` prints) or another
 * name of the same server, e.g. E2E_HOST=127.0.0.1, as a person typing a different address would.
 */
const host = process.env.E2E_HOST ?? 'localhost'
const siteURL = `http://localhost:${E2E_PORT}`
const baseURL = `http://${host}:${E2E_PORT}`

/**
 * End-to-end tests in Debian's Chromium against the real platform, started the way a newcomer
 * starts it (`npm start`: build if needed, migrate, seed content/ and the demo accounts, publish,
 * serve, run the job worker), on a fresh SQLite database.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // The load run writes many drafts: it runs after every other test, which expect the seed.
  projects: [
    { name: 'platform', testIgnore: /load\.spec\.ts$/ },
    { name: 'load', testMatch: /load\.spec\.ts$/, dependencies: ['platform'] },
  ],
  use: {
    baseURL,
    // A click or fill that cannot happen fails within this, not at the end of a long test.
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `rm -rf ${E2E_DIR} && npm start`,
    url: `${siteURL}/api/access`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: `file:${path.join(E2E_DIR, 'e2e.db')}`,
      SITE_DIR: path.join(E2E_DIR, 'site'),
      SITE_URL: siteURL,
      NODE_ENV: 'development',
    },
  },
})
