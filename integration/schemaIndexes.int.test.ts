import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/config/database'
import { testPayload } from './helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const kind = databaseKind(process.env.DATABASE_URL)

/** Every table whose name ends in `_texts`, with the columns each of its indexes starts with. */
async function textsTables(): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>()
  if (kind === 'sqlite') {
    const client = (
      payload.db as unknown as {
        client: { execute(q: string): Promise<{ rows: Record<string, unknown>[] }> }
      }
    ).client
    const { rows } = await client.execute(
      `select m.name as "table", (select name from pragma_index_info(i.name) where seqno = 0) as "first"
         from sqlite_master m left join pragma_index_list(m.name) i
        where m.type = 'table' and m.name like '%\\_texts' escape '\\'`,
    )
    for (const row of rows) {
      const list = tables.get(String(row.table)) ?? []
      if (row.first) list.push(String(row.first))
      tables.set(String(row.table), list)
    }
  } else {
    const pool = (
      payload.db as unknown as {
        pool: { query(q: string): Promise<{ rows: Record<string, unknown>[] }> }
      }
    ).pool
    const { rows } = await pool.query(
      `select t.table_name as "table", a.attname as "first"
         from information_schema.tables t
         left join pg_index x on x.indrelid = (quote_ident(t.table_schema) || '.' || quote_ident(t.table_name))::regclass
         left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
        where t.table_schema = current_schema() and t.table_name like '%\\_texts'`,
    )
    for (const row of rows) {
      const list = tables.get(String(row.table)) ?? []
      if (row.first) list.push(String(row.first))
      tables.set(String(row.table), list)
    }
  }
  return tables
}

describe.runIf(kind !== 'mongodb')('the schema', () => {
  it('indexes every hasMany text table on its parent (reading an article’s topics scans nothing)', async () => {
    const tables = await textsTables()
    expect([...tables.keys()].sort()).toEqual(['_articles_v_texts', 'articles_texts'])
    for (const [table, firsts] of tables) expect(firsts, table).toContain('parent_id')
  })
})
