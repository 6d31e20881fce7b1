import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  checkStatementsReused,
  reusePreparedStatements,
  STATEMENTS_PER_CONNECTION,
  statementsReused,
} from './libsqlStatements'

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'libsql-statements-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

/**
 * A fresh Node process writes `rows` rows of 50 KB through @libsql/client, one query each, and
 * prints how much its anonymous memory grew (MiB). Its own process, so no other test's memory
 * is counted.
 */
function memoryGrowth(file: string, reuse: boolean, rows: number): number {
  const module = path.resolve('src/config/libsqlStatements.ts')
  const script = `
    const { createClient } = await import('@libsql/client')
    if (${reuse}) (await import(${JSON.stringify(module)})).reusePreparedStatements()
    const anon = () => Number(require('node:fs').readFileSync('/proc/self/status', 'utf8').match(/RssAnon:\\s+(\\d+)/)[1]) / 1024
    const client = createClient({ url: 'file:${file}' })
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)')
    const body = 'x'.repeat(50_000)
    globalThis.gc(); const before = anon()
    for (let i = 0; i < ${rows}; i++) await client.execute({ sql: 'INSERT INTO t (body) VALUES (?)', args: [body + i] })
    globalThis.gc(); console.log(anon() - before)
  `
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      '--input-type=commonjs',
      '-e',
      `(async () => {${script}})()`,
    ],
    { encoding: 'utf8' },
  )
  if (child.status !== 0) throw new Error(child.stderr)
  return Number(child.stdout.trim())
}

describe('reusePreparedStatements', () => {
  it('keeps a connection’s memory flat while it writes (libsql 0.4 keeps every statement it prepared until the connection closes)', () => {
    // 4 000 rows of 50 KB: about 200 MiB bound in all.
    const without = memoryGrowth(path.join(dir, 'without.db'), false, 4_000)
    const withReuse = memoryGrowth(path.join(dir, 'with.db'), true, 4_000)
    // Without reuse every bound value stays in memory; this is what the check guards against.
    expect(without).toBeGreaterThan(150)
    expect(withReuse).toBeLessThan(40)
  }, 120_000)

  it('gives the same results as fresh statements: other arguments, after a refused write, in a transaction', async () => {
    reusePreparedStatements()
    const client = createClient({ url: `file:${path.join(dir, 'results.db')}` })
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)')
    const insert = (name: string) =>
      client.execute({ sql: 'INSERT INTO t (name) VALUES (?) RETURNING id, name', args: [name] })
    const select = (name: string) =>
      client.execute({ sql: 'SELECT id, name FROM t WHERE name = ?', args: [name] })
    const reusedBefore = statementsReused()
    expect((await insert('a')).rows[0]!.name).toBe('a')
    expect((await insert('b')).rows[0]!.name).toBe('b')
    await expect(insert('a')).rejects.toThrow(/UNIQUE/)
    expect((await insert('c')).rows[0]!.name).toBe('c')
    expect((await select('b')).rows.map((r) => r.name)).toEqual(['b'])
    expect((await select('zzz')).rows).toEqual([])
    expect((await select('a')).rows.map((r) => r.name)).toEqual(['a'])
    expect(statementsReused()).toBeGreaterThan(reusedBefore)

    const tx = await client.transaction('write')
    await tx.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['d'] })
    await tx.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['e'] })
    await tx.rollback()
    expect((await client.execute('SELECT count(*) AS n FROM t')).rows[0]!.n).toBe(3)
    client.close()
  })

  it('keeps at most STATEMENTS_PER_CONNECTION statements per connection, and still answers every query', async () => {
    reusePreparedStatements()
    const client = createClient({ url: `file:${path.join(dir, 'many.db')}` })
    for (let i = 0; i < STATEMENTS_PER_CONNECTION + 50; i++) {
      const { rows } = await client.execute(`SELECT ${i} AS n`)
      expect(rows[0]!.n).toBe(i)
    }
    // The first ones were dropped to make room, and are prepared again when asked for.
    expect((await client.execute('SELECT 0 AS n')).rows[0]!.n).toBe(0)
    client.close()
  })

  it('checkStatementsReused passes for a client whose queries reuse statements', async () => {
    reusePreparedStatements()
    const client = createClient({ url: `file:${path.join(dir, 'check.db')}` })
    await expect(checkStatementsReused(client)).resolves.toBeUndefined()
    client.close()
  })

  it('checkStatementsReused fails for a client that does not prepare through the patched libsql', async () => {
    // A stand-in for another copy of the client: its queries never reach the shared prepare.
    const other = { execute: async () => ({ rows: [] }) }
    await expect(checkStatementsReused(other)).rejects.toThrow(/statements are not reused/)
  })
})
