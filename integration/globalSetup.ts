import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import net from 'node:net'
import { promisify } from 'node:util'

import type { TestProject } from 'vitest/node'

import { createTestDatabase } from './testDatabase'

const run = promisify(execFile)

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    smtpPort: number
    siteDir: string
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/**
 * Once per run: a fresh database (SQLite temp file, or a new database on the server that
 * DATABASE_URL names), migrated with the real `payload migrate`, a port for the test mailbox, and
 * a folder that publish jobs write the site to.
 */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase(process.env.DATABASE_URL)
  try {
    await run('npx', ['payload', 'migrate'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        NODE_ENV: 'test',
        NODE_OPTIONS: '--no-deprecation',
      },
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (error) {
    await database.drop()
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`payload migrate failed on ${database.url}:\n${stdout}\n${stderr}`)
  }
  project.provide('databaseUrl', database.url)
  project.provide('smtpPort', await freePort())
  const siteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mrp-it-site-'))
  project.provide('siteDir', siteDir)
  return async () => {
    await database.drop()
    await fs.rm(siteDir, { recursive: true, force: true })
  }
}
