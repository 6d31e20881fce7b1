import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { withExplicitTransactions } from './sqliteTransactions'

/**
 * Runs `work` in one database transaction on `req`: every Local API call that passes `req` joins
 * it, and it commits when `work` returns or rolls back when it throws. On SQLite this is one of the
 * few places a transaction is opened at all (see `withExplicitTransactions`).
 */
export function runInTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  return withExplicitTransactions(async () => {
    const owns = await initTransaction(req)
    try {
      const result = await work()
      if (owns) await commitTransaction(req)
      return result
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  })
}
