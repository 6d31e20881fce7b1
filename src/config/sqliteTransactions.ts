import { AsyncLocalStorage } from 'node:async_hooks'

import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { giveEachTransactionItsOwnConnection } from './sqliteAdapterSeam'

/** How long a transaction waits for the ones before it in this process, unless told otherwise. */
const DEFAULT_QUEUE_TIMEOUT_MS = 30_000

/** One transaction, as the messages name it. */
interface Txn {
  seq: number
  /** Where it was begun: the first caller outside node_modules and this folder's glue. */
  site: string
  /** When it began waiting, then when it began (ms since the epoch). */
  since: number
  unit: Unit
}

/** One call of `withExplicitTransactions`, and the transaction it holds open, if any. */
interface Unit {
  open?: Txn
  parent?: Unit
}

const explicit = new AsyncLocalStorage<Unit>()

/**
 * Runs `work` with SQLite transactions enabled for it. Payload's SQLite adapter has transactions
 * off by default, and Payload relies on that: some operations deliberately write outside their own
 * transaction (forgot-password's rate limit, the job runner), which on SQLite, where a writer locks
 * the whole database, would wait on their own request. So ordinary operations run without
 * transactions, as Payload designs them, and the platform's all-or-nothing work (content import,
 * workflow actions) asks for one through this. Other databases always use transactions.
 */
export function withExplicitTransactions<T>(work: () => Promise<T>): Promise<T> {
  return explicit.run({ parent: explicit.getStore() }, work)
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const describe = (t: Txn) => `transaction #${t.seq} (begun at ${t.site})`

/** The first frame of the current stack that is this project's code but not this glue. */
function callSite(): string {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 60
  const frames = (new Error().stack ?? '').split('\n').slice(1)
  Error.stackTraceLimit = limit
  const own = frames.find(
    (f) => !/node_modules|node:|src\/config\/(sqliteTransactions|transactions)\.ts/.test(f),
  )
  return own?.trim().replace(/^at /, '') ?? 'an unknown place'
}

/** Refused: waiting for this transaction could only end in a timeout, or waited too long. */
export class TransactionWaitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransactionWaitError'
  }
}

export interface SerializeOptions {
  /** How long a transaction may wait for the ones before it in this process. */
  queueTimeoutMs?: number
}

/**
 * Wraps Payload's SQLite adapter so that SQLite, which has one writer at a time, gets one
 * transaction at a time from this process, in the order they were begun, each on a connection of
 * its own with the busy timeout (see sqliteAdapterSeam.ts); only inside `withExplicitTransactions`
 * are transactions opened at all.
 *
 * A transaction never runs unserialized: one begun while the same unit of work (or one it runs
 * inside) holds a transaction open, as when a hook forgets to pass `req`, is refused at once,
 * since it would wait for itself; one that waits longer than `queueTimeoutMs` for another fails.
 * Both errors (`TransactionWaitError`) name the transactions, where they were begun and how long.
 */
export function serializeTransactions(
  base: DatabaseAdapterObj,
  options: SerializeOptions = {},
): DatabaseAdapterObj {
  const timeout = options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args)
      giveEachTransactionItsOwnConnection(adapter)
      const begin = adapter.beginTransaction.bind(adapter)
      const commit = adapter.commitTransaction.bind(adapter)
      const rollback = adapter.rollbackTransaction.bind(adapter)
      let seq = 0
      let holder: Txn | undefined
      const waiting: { txn: Txn; go: () => void }[] = []
      const byId = new Map<string | number, Txn>()

      const release = (txn: Txn) => {
        if (txn.unit.open === txn) txn.unit.open = undefined
        if (holder !== txn) return
        const next = waiting.shift()
        holder = next?.txn
        next?.go()
      }

      const take = async (txn: Txn) => {
        if (!holder) {
          holder = txn
          return
        }
        let go!: () => void
        const turn = new Promise<void>((resolve) => (go = resolve))
        const entry = { txn, go }
        waiting.push(entry)
        let timer: NodeJS.Timeout | undefined
        const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeout)))
        await Promise.race([turn, expired])
        clearTimeout(timer)
        if (holder === txn) return
        waiting.splice(waiting.indexOf(entry), 1)
        const now = Date.now()
        throw new TransactionWaitError(
          `${describe(txn)} waited ${seconds(now - txn.since)} for ${describe(holder!)}, ` +
            `open for ${seconds(now - holder!.since)}, and gave up: a transaction that stays open ` +
            `that long blocks every writer.`,
        )
      }

      const beginTransaction: BaseDatabaseAdapter['beginTransaction'] = async (beginOptions) => {
        // Payload's own default for SQLite: no transaction (see withExplicitTransactions).
        const unit = explicit.getStore()
        if (!unit) return null
        const txn: Txn = { seq: ++seq, site: callSite(), since: Date.now(), unit }
        for (let u: Unit | undefined = unit; u; u = u.parent) {
          if (u.open) {
            throw new TransactionWaitError(
              `${describe(txn)} would wait for ${describe(u.open)}, which the same work holds ` +
                `open (for ${seconds(txn.since - u.open.since)}): it would wait for itself. Pass ` +
                '`req` to the Local API call so that it joins the open transaction.',
            )
          }
        }
        await take(txn)
        txn.since = Date.now()
        try {
          const id = await begin(beginOptions)
          if (id === null) {
            release(txn)
            return id
          }
          unit.open = txn
          byId.set(id, txn)
          return id
        } catch (error) {
          release(txn)
          throw error
        }
      }

      const finish =
        (end: typeof commit): typeof commit =>
        async (incoming) => {
          const id = await incoming
          try {
            await end(id)
          } finally {
            const txn = byId.get(id)
            byId.delete(id)
            if (txn) release(txn)
          }
        }

      adapter.beginTransaction = beginTransaction
      adapter.commitTransaction = finish(commit)
      adapter.rollbackTransaction = finish(rollback)
      return adapter
    },
  }
}
