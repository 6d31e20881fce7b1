import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { sql, sqliteAdapter, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, Payload } from 'payload'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { giveEachTransactionItsOwnConnection, SqliteAdapterChangedError } from './sqliteAdapterSeam'
import {
  serializeTransactions,
  TransactionWaitError,
  withExplicitTransactions,
} from './sqliteTransactions'

let dir: string
let adapter: SQLiteAdapter
const BUSY_TIMEOUT = 3_000

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined }

/** The real adapter, as database.ts builds it, on a fresh file; Payload itself is not needed. */
async function connected(queueTimeoutMs?: number): Promise<SQLiteAdapter> {
  const obj = serializeTransactions(
    sqliteAdapter({
      client: { url: `file:${path.join(dir, 'test.db')}` },
      push: false,
      busyTimeout: BUSY_TIMEOUT,
      wal: true,
      transactionOptions: {},
    }),
    { queueTimeoutMs },
  )
  const a = obj.init({ payload: { logger: quietLogger } as unknown as Payload }) as SQLiteAdapter
  await a.connect!()
  await a.drizzle.run(sql`CREATE TABLE IF NOT EXISTS counter (n INTEGER NOT NULL)`)
  await a.drizzle.run(sql`INSERT INTO counter (n) VALUES (0)`)
  return a
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const db = (id: number | string | null) =>
  adapter.sessions[String(id)].db as unknown as SQLiteAdapter['drizzle']
const count = async () =>
  Number((await adapter.drizzle.all<{ n: number }>(sql`SELECT n FROM counter`))[0].n)

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sqlite-tx-'))
})
afterEach(async () => {
  adapter?.client?.close()
  await fs.rm(dir, { recursive: true, force: true })
})

describe('the SQLite adapter seam', () => {
  const fake = (overrides: Record<string, unknown>) =>
    ({
      packageName: '@payloadcms/db-sqlite',
      busyTimeout: 1000,
      clientConfig: { url: `file:${path.join(os.tmpdir(), 'never-opened.db')}` },
      wal: false,
      connect: async () => undefined,
      ...overrides,
    }) as unknown as BaseDatabaseAdapter

  it('fails at start-up, naming the member and the versions, when the adapter lacks one', () => {
    const attempt = () => giveEachTransactionItsOwnConnection(fake({ busyTimeout: undefined }))
    expect(attempt).toThrow(SqliteAdapterChangedError)
    expect(attempt).toThrow(
      /adapter\.busyTimeout is undefined, not a number.*written for @payloadcms\/db-sqlite 3\.90\.1 with @libsql\/client 0\.14\.0, and @payloadcms\/db-sqlite \d+\.\d+\.\d+ with @libsql\/client \d+\.\d+\.\d+ is installed/,
    )
    expect(() => giveEachTransactionItsOwnConnection(fake({ clientConfig: undefined }))).toThrow(
      /adapter\.clientConfig\.url/,
    )
  })

  it('fails when connecting leaves no libsql client, or drizzle runs on another one', async () => {
    const bare = fake({})
    giveEachTransactionItsOwnConnection(bare)
    await expect(bare.connect!()).rejects.toThrow(
      /adapter\.client \(the libsql Client\) is missing/,
    )

    const client = { execute: async () => undefined, transaction: async () => undefined }
    const other = fake({
      connect: async function (this: Record<string, unknown>) {
        this.client = client
        this.drizzle = { $client: { ...client } }
      },
    })
    giveEachTransactionItsOwnConnection(other)
    await expect(other.connect!()).rejects.toThrow(/drizzle no longer runs on adapter\.client/)
  })

  it('refuses an in-memory database, where a second connection sees another database', () => {
    expect(() =>
      giveEachTransactionItsOwnConnection(fake({ clientConfig: { url: 'file::memory:' } })),
    ).toThrow(/need a database file/)
  })

  it('keeps the busy timeout on the adapter connection and gives it to each transaction', async () => {
    adapter = await connected()
    const timeout = async (run: () => Promise<unknown[]>) =>
      ((await run()) as { timeout: number }[])[0].timeout
    await withExplicitTransactions(async () => {
      const id = await adapter.beginTransaction()
      expect(await timeout(() => db(id).all(sql`PRAGMA busy_timeout`))).toBe(BUSY_TIMEOUT)
      await adapter.commitTransaction(id!)
    })
    expect(await timeout(() => adapter.drizzle.all(sql`PRAGMA busy_timeout`))).toBe(BUSY_TIMEOUT)
  })
})

describe('serialized SQLite transactions', () => {
  it('runs concurrent transactions in one process one after another: all commit', async () => {
    adapter = await connected()
    const increment = () =>
      withExplicitTransactions(async () => {
        const id = await adapter.beginTransaction()
        const [{ n }] = await db(id).all<{ n: number }>(sql`SELECT n FROM counter`)
        await sleep(5)
        await db(id).run(sql`UPDATE counter SET n = ${Number(n) + 1}`)
        await adapter.commitTransaction(id!)
      })
    const results = await Promise.allSettled(Array.from({ length: 10 }, increment))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    expect(await count()).toBe(10)
  })

  it('refuses at once a transaction begun inside one the same work holds open', async () => {
    adapter = await connected()
    await withExplicitTransactions(async () => {
      const outer = await adapter.beginTransaction()
      await db(outer).run(sql`UPDATE counter SET n = 1`)
      const started = Date.now()
      // As a Local API call without `req` inside a transaction does.
      const inner = adapter.beginTransaction()
      await expect(inner).rejects.toThrow(TransactionWaitError)
      await expect(inner).rejects.toThrow(
        /^transaction #2 \(begun at .*sqliteTransactions\.test\.ts:\d+:\d+\) would wait for transaction #1 \(begun at .*sqliteTransactions\.test\.ts:\d+:\d+\), which the same work holds open \(for \d+\.\d s\): it would wait for itself\. Pass `req`/,
      )
      expect(Date.now() - started).toBeLessThan(1_000)
      await adapter.rollbackTransaction(outer!)
    })
    // Nothing is left waiting: the next transaction goes ahead.
    await withExplicitTransactions(async () => {
      const id = await adapter.beginTransaction()
      await db(id).run(sql`UPDATE counter SET n = 2`)
      await adapter.commitTransaction(id!)
    })
    expect(await count()).toBe(2)
  })

  it('fails a transaction that waits too long, naming the one it waited for', async () => {
    adapter = await connected(300)
    let release!: () => void
    const held = withExplicitTransactions(async () => {
      const id = await adapter.beginTransaction()
      await new Promise<void>((resolve) => (release = resolve))
      await adapter.commitTransaction(id!)
    })
    await sleep(10)
    const waiting = withExplicitTransactions(() => adapter.beginTransaction())
    await expect(waiting).rejects.toThrow(
      /^transaction #2 \(begun at .*\) waited 0\.[3-5] s for transaction #1 \(begun at .*\), open for 0\.[3-5] s, and gave up/,
    )
    release()
    await held
    await withExplicitTransactions(async () => {
      const id = await adapter.beginTransaction()
      await adapter.commitTransaction(id!)
    })
  })

  it('waits for another process that holds the write lock without stopping the event loop', async () => {
    adapter = await connected()
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createClient } from '@libsql/client'
         const c = createClient({ url: ${JSON.stringify(`file:${path.join(dir, 'test.db')}`)} })
         await c.execute('BEGIN IMMEDIATE')
         await c.execute('UPDATE counter SET n = 100')
         console.log('held')
         setTimeout(async () => { await c.execute('COMMIT'); process.exit(0) }, 400)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise((resolve) => holder.once('exit', resolve))
    try {
      await new Promise((resolve) => holder.stdout!.once('data', resolve))
      let ticks = 0
      const ticker = setInterval(() => ticks++, 10)
      const started = Date.now()
      await withExplicitTransactions(async () => {
        const id = await adapter.beginTransaction()
        const [{ n }] = await db(id).all<{ n: number }>(sql`SELECT n FROM counter`)
        await db(id).run(sql`UPDATE counter SET n = ${Number(n) + 1}`)
        await adapter.commitTransaction(id!)
      })
      clearInterval(ticker)
      expect(Date.now() - started).toBeGreaterThan(200)
      expect(ticks).toBeGreaterThan(10)
      expect(await count()).toBe(101)
    } finally {
      holder.kill('SIGKILL')
      await exited
    }
  })
})
