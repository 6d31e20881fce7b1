import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { index as pgIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj } from 'payload'

import { ROOT_DIR } from './env'
import { serializeTransactions } from './sqliteTransactions'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

/** The embedded default: a SQLite file under data/ (git-ignored). */
export const DEFAULT_DATABASE_URL = 'file:./data/app.db'

const SCHEMES: Record<string, DatabaseKind> = {
  'file:': 'sqlite',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mongodb:': 'mongodb',
  'mongodb+srv:': 'mongodb',
}

/** Which adapter a DATABASE_URL selects; an unknown scheme is a configuration error. */
export function databaseKind(url: string | undefined): DatabaseKind {
  if (!url) return 'sqlite'
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase()
  const kind = scheme ? SCHEMES[scheme] : undefined
  if (!kind) {
    throw new Error(
      `DATABASE_URL has an unsupported scheme${scheme ? ` "${scheme}"` : ''}: ` +
        'use file:PATH (SQLite, the default), postgres://… (PostgreSQL) or mongodb://… (MongoDB).',
    )
  }
  return kind
}

/** Each SQL dialect keeps its own migrations; MongoDB needs none for schema changes. */
export function migrationDir(kind: DatabaseKind): string {
  return path.join(ROOT_DIR, 'migrations', kind)
}

/**
 * A SQLite `file:` URL with its folder created; a relative path is resolved against the
 * repository root.
 */
function sqliteUrl(url: string): string {
  const file = url.slice('file:'.length)
  if (file === ':memory:') return url
  const absolute = path.isAbsolute(file) ? file : path.resolve(ROOT_DIR, file)
  fs.mkdirSync(path.dirname(absolute), { recursive: true })
  return `file:${absolute}`
}

/**
 * Indexes Payload does not make, for the publisher's queries, each measured on a site of 10 000
 * articles (`columns` are the schema's column keys):
 * - the tables of `hasMany` text fields (articles' topics, and their versions') are indexed on
 *   (order, parent) only, so reading the topics of a page of articles scanned the whole table
 *   once per article: 615 036 sequential scans of `articles_texts` (11.9 billion rows read) in
 *   one full publish on PostgreSQL;
 * - re-reviews falling due (`_status`, `reviewDue`) and pending revisions (`version_state`,
 *   `latest`): SQLite, without statistics, chose the index of the first, unselective condition
 *   and read every article (43 ms and 53 ms of each publish).
 */
export const EXTRA_INDEXES = [
  { table: 'articles_texts', name: 'articles_texts_parent_idx', columns: ['parent'] },
  { table: '_articles_v_texts', name: '_articles_v_texts_parent_idx', columns: ['parent'] },
  { table: 'articles', name: 'articles_status_review_due_idx', columns: ['_status', 'reviewDue'] },
  {
    table: '_articles_v',
    name: '_articles_v_state_latest_idx',
    columns: ['version_state', 'latest'],
  },
] as const

type SqliteHook = NonNullable<Parameters<typeof sqliteAdapter>[0]['afterSchemaInit']>[number]
type PostgresHook = NonNullable<Parameters<typeof postgresAdapter>[0]['afterSchemaInit']>[number]
type HookArgs = Parameters<SqliteHook>[0] | Parameters<PostgresHook>[0]

/** Adds those indexes to a schema, with the dialect's `index` builder. */
function addIndexes<A extends HookArgs>(
  { schema, extendTable }: A,
  index: (name: string) => { on: (...columns: never[]) => unknown },
): A['schema'] {
  for (const { table: name, name: indexName, columns } of EXTRA_INDEXES) {
    const table = schema.tables[name]
    if (!table) throw new Error(`The database schema has no table ${name} to index.`)
    extendTable({
      table,
      extraConfig: (t) => {
        const cols = columns.map((column) => {
          if (!t[column]) throw new Error(`The table ${name} has no column ${column} to index.`)
          return t[column] as never
        })
        return { [indexName]: index(indexName).on(...cols) }
      },
    })
  }
  return schema
}
const sqliteIndexes: SqliteHook = (args) => addIndexes(args, sqliteIndex)
const postgresIndexes: PostgresHook = (args) => addIndexes(args, pgIndex)

/** The Payload database adapter for a DATABASE_URL (unset means the embedded SQLite file). */
export function databaseAdapter(url: string | undefined): DatabaseAdapterObj {
  const kind = databaseKind(url)
  const dir = migrationDir(kind)
  switch (kind) {
    case 'sqlite':
      return serializeTransactions(
        sqliteAdapter({
          client: { url: sqliteUrl(url ?? DEFAULT_DATABASE_URL) },
          migrationDir: dir,
          push: false,
          // Writers wait for each other instead of failing with SQLITE_BUSY (CLI beside the server).
          busyTimeout: 5_000,
          wal: true,
          // Transactions are off in the SQLite adapter unless options are given; imports and
          // workflow actions must be all-or-nothing.
          transactionOptions: {},
          afterSchemaInit: [sqliteIndexes],
        }),
      )
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: url },
        migrationDir: dir,
        push: false,
        afterSchemaInit: [postgresIndexes],
      })
    case 'mongodb':
      return mongooseAdapter({ url: url!, migrationDir: dir })
  }
}
