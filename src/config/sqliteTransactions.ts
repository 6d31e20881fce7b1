import { AsyncLocalStorage } from 'node:async_hooks'

import type { Client as LibsqlClient, TransactionMode } from '@libsql/client'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/** How long a transaction waits for the one before it in this process before trying anyway. */
const QUEUE_TIMEOUT_MS = 30_000
/** How long to keep retrying while another process holds the write lock. */
const BUSY_RETRY_MS = 10_000

const isBusy = (error: unknown) =>
  /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message))

/** Set while code runs inside `withExplicitTransactions`: only then does SQLite open transactions. */
const explicit = new AsyncLocalStorage<true>()

/**
 * Runs `work` with SQLite transactions enabled for it. Payload's SQLite adapter has transactions
 * off by default, and Payload relies on that: some operations deliberately write outside their own
 * transaction (forgot-password's rate limit, the job runner), which on SQLite, where a writer locks
 * the whole database, would wait on their own request. So ordinary operations run without
 * transactions, as Payload designs them, and the platform's all-or-nothing work (content import,
 * workflow actions) asks for one through this. Other databases always use transactions.
 */
export function withExplicitTransactions<T>(work: () => Promise<T>): Promise<T> {
  return explicit.run(true, work)
}

/**
 * SQLite has one writer at a time. libsql hands its connection to each transaction and opens the
 * next one without the adapter's busy timeout, so any write that meets an open transaction (a
 * second transaction, or a single statement) failed at once with SQLITE_BUSY. This wraps the
 * adapter so that every connection libsql opens gets the busy timeout, transactions in one
 * process take turns (in arrival order), and a transaction that finds another process writing
 * retries for a while instead of failing.
 *
 * A transaction begun without the outer `req` while another is open (a hook that forgot to pass
 * `req`) would wait for itself: the queue timeout turns that into an error instead of a hang.
 */
export function serializeTransactions(base: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args)
      const connect = adapter.connect!.bind(adapter)
      adapter.connect = async (options) => {
        await connect(options)
        const client = (adapter as unknown as { client: LibsqlClient; busyTimeout: number }).client
        const timeout = (adapter as unknown as { busyTimeout: number }).busyTimeout
        const transaction = client.transaction.bind(client)
        // (A cast: the method is overloaded, and this one function serves both overloads.)
        client.transaction = (async (mode?: TransactionMode) => {
          const tx = await transaction(mode)
          // The client opens a fresh connection on its next use: give it the busy timeout now.
          if (timeout > 0) await client.execute(`PRAGMA busy_timeout = ${timeout}`)
          return tx
        }) as LibsqlClient['transaction']
      }
      const begin = adapter.beginTransaction.bind(adapter)
      const commit = adapter.commitTransaction.bind(adapter)
      const rollback = adapter.rollbackTransaction.bind(adapter)
      const releases = new Map<string | number, () => void>()
      let tail: Promise<void> = Promise.resolve()

      const beginTransaction: BaseDatabaseAdapter['beginTransaction'] = async (options) => {
        // Payload's own default for SQLite: no transaction (see withExplicitTransactions).
        if (!explicit.getStore()) return null
        let release!: () => void
        const mine = new Promise<void>((resolve) => (release = resolve))
        const previous = tail
        tail = previous.then(() => mine)
        let timer: NodeJS.Timeout | undefined
        await Promise.race([
          previous,
          new Promise<void>((resolve) => (timer = setTimeout(resolve, QUEUE_TIMEOUT_MS))),
        ])
        clearTimeout(timer)
        const deadline = Date.now() + BUSY_RETRY_MS
        for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
          try {
            const id = await begin(options)
            if (id === null) release()
            else releases.set(id, release)
            return id
          } catch (error) {
            if (!isBusy(error) || Date.now() > deadline) {
              release()
              throw error
            }
            await new Promise((resolve) => setTimeout(resolve, delay))
          }
        }
      }

      const finish =
        (end: typeof commit): typeof commit =>
        async (incoming) => {
          const id = await incoming
          try {
            await end(id)
          } finally {
            releases.get(id)?.()
            releases.delete(id)
          }
        }

      adapter.beginTransaction = beginTransaction
      adapter.commitTransaction = finish(commit)
      adapter.rollbackTransaction = finish(rollback)
      return adapter
    },
  }
}
