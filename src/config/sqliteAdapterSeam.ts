import fs from 'node:fs'
import path from 'node:path'

import {
  type Client,
  type Config,
  createClient,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import type { BaseDatabaseAdapter } from 'payload'

import { checkStatementsReused, reusePreparedStatements } from './libsqlStatements'

/** The versions this seam was written against and tested with. */
const WRITTEN_FOR = '@payloadcms/db-sqlite 3.90.1 with @libsql/client 0.14.0'

/** The installed version of a package, for the error message only. */
function installed(name: string): string {
  try {
    const file = path.join(process.cwd(), 'node_modules', name, 'package.json')
    return `${name} ${(JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version}`
  } catch {
    return `${name} (version unknown)`
  }
}

/** The adapter no longer looks the way this seam relies on: fail at start-up, not in a write. */
export class SqliteAdapterChangedError extends Error {
  constructor(what: string) {
    super(
      `The SQLite adapter changed: ${what}. src/config/sqliteAdapterSeam.ts reaches into it to ` +
        `give every transaction its own connection with the busy timeout; it was written for ` +
        `${WRITTEN_FOR}, and ${installed('@payloadcms/db-sqlite')} with ` +
        `${installed('@libsql/client')} is installed. Read the adapter's connect() and ` +
        `libsql's Sqlite3Client.transaction() and bring the seam up to date.`,
    )
    this.name = 'SqliteAdapterChangedError'
  }
}

/** The members of @payloadcms/db-sqlite's adapter that the seam uses, as its types declare them. */
interface SqliteMembers {
  packageName: string
  busyTimeout: number
  clientConfig: Config
  wal: false | { synchronous: string }
  connect: NonNullable<BaseDatabaseAdapter['connect']>
  client?: Client
  drizzle?: { $client?: unknown }
}

function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new SqliteAdapterChangedError(what)
}

const isBusy = (error: unknown) => (error as { code?: string })?.code === 'SQLITE_BUSY'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Makes every transaction of a @payloadcms/db-sqlite adapter (as returned by its `init`) run on a
 * connection of its own that has the adapter's busy timeout and WAL synchronous setting.
 *
 * Why: libsql's local client hands its one connection to each transaction and opens a fresh one,
 * without any PRAGMA, for whatever comes next; the adapter applies `busyTimeout` once, at connect,
 * so after the first transaction every write that met a lock failed at once with SQLITE_BUSY.
 * Neither the adapter, drizzle nor libsql 0.14 has an option or hook for a per-connection setting
 * (libsql's `timeout` option arrived in a later client than the adapter pins).
 *
 * Each transaction begins on a new connection with no busy wait, retrying asynchronously while
 * another process writes (libsql's own wait would stop the event loop) for up to the busy
 * timeout; a connection whose BEGIN failed busy is closed, because libsql leaves that statement
 * active, holding locks, until it is garbage-collected. The adapter's own connection is never
 * handed away, so it keeps its PRAGMAs.
 *
 * It also turns on statement reuse for every libsql connection (`reusePreparedStatements`: libsql
 * 0.4 keeps every statement it prepared until its connection closes) and, after connecting,
 * checks that the adapter's client really reuses them (`checkStatementsReused`).
 *
 * Checks, when called and after connecting, that the adapter has every member this relies on,
 * with the expected type, and throws `SqliteAdapterChangedError` (naming versions and the member)
 * when it does not. Serializing transactions is not done here (see sqliteTransactions.ts).
 */
export function giveEachTransactionItsOwnConnection(adapter: BaseDatabaseAdapter): void {
  const members = adapter as unknown as SqliteMembers
  check(
    members.packageName === '@payloadcms/db-sqlite',
    `it is ${String(members.packageName)}, not @payloadcms/db-sqlite`,
  )
  check(
    Number.isInteger(members.busyTimeout) && members.busyTimeout >= 0,
    `adapter.busyTimeout is ${typeof members.busyTimeout}, not a number of milliseconds`,
  )
  check(
    typeof members.clientConfig?.url === 'string',
    'adapter.clientConfig.url (the libsql client configuration) is missing',
  )
  check(
    members.wal === false || typeof members.wal?.synchronous === 'string',
    'adapter.wal is neither false nor { synchronous }',
  )
  check(typeof members.connect === 'function', 'adapter.connect is not a function')
  const config = members.clientConfig
  if (!config.url.startsWith('file:') || /^file::memory:/.test(config.url)) {
    // A second connection to `:memory:` is another, empty database; a remote URL has no file lock.
    throw new Error(
      `SQLite transactions need a database file (file:PATH), not ${config.url}: each transaction opens its own connection.`,
    )
  }

  reusePreparedStatements()
  const connect = members.connect.bind(adapter)
  members.connect = async (options) => {
    await connect(options)
    const client = members.client
    check(
      typeof client?.execute === 'function' && typeof client?.transaction === 'function',
      'adapter.client (the libsql Client) is missing after connect()',
    )
    check(
      members.drizzle?.$client === client,
      'drizzle no longer runs on adapter.client, so its transactions would not come here',
    )
    await checkStatementsReused(client)
    const busyTimeout = members.busyTimeout
    const synchronous = members.wal ? members.wal.synchronous : undefined

    client.transaction = (async (mode: TransactionMode = 'write') => {
      const deadline = Date.now() + busyTimeout
      for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
        const own = createClient(config)
        let tx: Transaction
        try {
          await own.execute('PRAGMA busy_timeout = 0')
          if (synchronous) await own.execute(`PRAGMA synchronous = ${synchronous}`)
          tx = await own.transaction(mode)
        } catch (error) {
          own.close()
          if (!isBusy(error)) throw error
          if (Date.now() >= deadline) {
            throw Object.assign(
              new Error(
                `Another process held the SQLite write lock for more than ${busyTimeout} ms (${(error as Error).message})`,
              ),
              { code: 'SQLITE_BUSY', cause: error },
            )
          }
          await sleep(delay)
          continue
        }
        try {
          await tx.execute(`PRAGMA busy_timeout = ${busyTimeout}`)
        } catch (error) {
          tx.close()
          throw error
        }
        return tx
      }
      // (A cast: the method is overloaded, and this one function serves both overloads.)
    }) as Client['transaction']
  }
}
