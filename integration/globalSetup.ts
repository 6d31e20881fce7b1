import { execFile } from 'node:child_process'
import net from 'node:net'
import { promisify } from 'node:util'

import type { TestProject } from 'vitest/node'

import { createTestDatabase } from './testDatabase'

const run = promisify(execFile)

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    smtpPort: number
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
 * DATABASE_URL names), migrated with the real `payload migrate`, and a port for the test mailbox.
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
  return async () => {
    await database.drop()
  }
}
