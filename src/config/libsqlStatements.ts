import Database from 'libsql'

/** How many prepared statements each connection keeps for reuse, the least recently used going first. */
export const STATEMENTS_PER_CONNECTION = 256

type Statement = ReturnType<Database.Database['prepare']>

const cached = new WeakMap<object, Map<string, Statement>>()
let reused = 0
let patched = false

/** How many times a statement was handed out again instead of prepared anew (for checks). */
export const statementsReused = () => reused

/**
 * Makes every libsql connection reuse its prepared statements: `prepare(sql)` returns the
 * connection's statement for that SQL text if it has one, else prepares it and keeps it (up to
 * `STATEMENTS_PER_CONNECTION`, least recently used dropped first). Idempotent.
 *
 * Why: libsql 0.4 (under @libsql/client 0.14, which Payload's SQLite adapter pins) does not
 * finalize a statement when its JavaScript object is collected; a statement, with a copy of every
 * value bound to it, lives until its connection closes. @libsql/client prepares a new statement
 * for every query, so a connection's memory grows with everything it ever read or wrote: a
 * 10 000-article import (one transaction, one connection) reached 2.8 GiB of native memory, and the
 * server's own connection grew by about 4 KB per query for as long as it ran. A statement run
 * again is reset and rebound first, which frees the values it held, so reuse bounds the memory by
 * the number of distinct SQL texts. Reuse is safe for @libsql/client: it runs each statement to
 * completion (`run`, or `all`) before the next one, and sets `raw` and `safeIntegers` every time.
 */
export function reusePreparedStatements(): void {
  if (patched) return
  const proto = Database.prototype as { prepare: (sql: string) => Statement; close: () => void }
  if (typeof proto.prepare !== 'function' || typeof proto.close !== 'function') {
    throw new Error(
      'libsql changed: Database.prototype.prepare or close is missing; src/config/libsqlStatements.ts reuses statements through them. Read libsql’s index.js and bring it up to date.',
    )
  }
  const prepare = proto.prepare
  const close = proto.close
  proto.prepare = function (this: object, sql: string) {
    let statements = cached.get(this)
    if (!statements) cached.set(this, (statements = new Map()))
    const found = statements.get(sql)
    if (found) {
      // Most recently used last: a Map keeps insertion order.
      statements.delete(sql)
      statements.set(sql, found)
      reused++
      return found
    }
    const statement = prepare.call(this, sql)
    statements.set(sql, statement)
    if (statements.size > STATEMENTS_PER_CONNECTION) {
      statements.delete(statements.keys().next().value!)
    }
    return statement
  }
  proto.close = function (this: object) {
    cached.delete(this)
    return close.call(this)
  }
  patched = true
}

/**
 * Fails when a connected client's queries do not go through the reusing `prepare` (a bundler gave
 * the client another copy of libsql, or the client stopped preparing through it): the same query
 * twice must reuse its statement.
 */
export async function checkStatementsReused(client: {
  execute: (sql: string) => Promise<unknown>
}): Promise<void> {
  const before = reused
  await client.execute('SELECT 1 AS statementReuseCheck')
  await client.execute('SELECT 1 AS statementReuseCheck')
  if (reused === before) {
    throw new Error(
      'libsql statements are not reused: @libsql/client does not prepare through the libsql module that src/config/libsqlStatements.ts patched, so every query would keep its memory until the connection closes.',
    )
  }
}
