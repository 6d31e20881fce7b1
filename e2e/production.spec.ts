import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { E2E_DIR, E2E_PORT } from '../playwright.config'
import { account } from './helpers'

const PORT = E2E_PORT + 1
const DIR = path.join(E2E_DIR, 'production')

/** `npm start` as an operator would run it in production, on its own database and port. */
function startProduction(env: Record<string, string>): {
  child: ChildProcess
  output: () => string
} {
  let output = ''
  const child = spawn('npm', ['start'], {
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      DATABASE_URL: `file:${path.join(DIR, 'prod.db')}`,
      SITE_DIR: path.join(DIR, 'site'),
      SITE_URL: `http://localhost:${PORT}`,
      PAYLOAD_SECRET: '',
      ...env,
    },
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  return { child, output: () => output }
}

function stop(child: ChildProcess) {
  // npm start runs the web server and the job worker: end the whole process group.
  if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
}

test.beforeAll(async () => {
  await fs.rm(DIR, { recursive: true, force: true })
})

test('production refuses to start without PAYLOAD_SECRET, saying what to set', async () => {
  const { child, output } = startProduction({})
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  expect(code).toBe(1)
  expect(output()).toContain('PAYLOAD_SECRET is required when NODE_ENV=production')
})

test('production serves the seeded platform without any demo account', async ({ request }) => {
  test.setTimeout(240_000)
  const { child, output } = startProduction({
    PAYLOAD_SECRET: 'a-production-secret-for-this-test-only',
  })
  try {
    await expect
      .poll(async () => output(), { timeout: 200_000, intervals: [1000] })
      .toContain(`Admin           http://localhost:${PORT}/admin`)
    expect(output()).toContain('Seeded the empty database from content/')
    expect(output()).not.toContain('Demo accounts')
    for (const role of ['author', 'reviewer', 'editor', 'admin'] as const) {
      const { email, password } = account(role)
      const login = await request.post(`http://localhost:${PORT}/api/users/login`, {
        data: { email, password },
      })
      expect(login.status(), role).toBe(401)
    }
    expect((await request.get(`http://localhost:${PORT}/`)).status()).toBe(200)
  } finally {
    stop(child)
  }
})
