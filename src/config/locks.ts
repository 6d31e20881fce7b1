import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

/**
 * Serializes everything that decides about one article (workflow actions, content edits) inside
 * the request's transaction, so two concurrent decisions cannot both read the same state: the
 * second waits, then reads what the first committed.
 * - PostgreSQL: a transaction-scoped advisory lock on the article.
 * - SQLite: nothing to do; every write transaction begins IMMEDIATE, so writers already take turns.
 * - MongoDB: not serialized here (see README); concurrent decisions there rely on the state check.
 * Must be called inside a transaction (after `initTransaction(req)`).
 */
export async function lockArticle(req: PayloadRequest, id: string | number): Promise<void> {
  if (req.payload.db.name !== 'postgres' || !req.transactionID) return
  const db = req.payload.db as unknown as PostgresAdapter
  const session = db.sessions[String(await req.transactionID)]
  if (!session) return
  await db.execute({
    db: session.db,
    sql: sql`SELECT pg_advisory_xact_lock(hashtext(${`article:${id}`}))`,
  })
}
