import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { databaseKind, EXTRA_INDEXES } from '../src/config/database'
import { testPayload } from './helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const kind = databaseKind(process.env.DATABASE_URL)
type Rows = { rows: Record<string, unknown>[] }

/** Every index of the database: its table, and its columns in order. */
async function indexes(): Promise<{ table: string; name: string; columns: string[] }[]> {
  const found = new Map<string, { table: string; name: string; columns: string[] }>()
  const add = (row: Record<string, unknown>) => {
    const name = String(row.name)
    const index = found.get(name) ?? { table: String(row.table), name, columns: [] }
    if (row.column) index.columns.push(String(row.column))
    found.set(name, index)
  }
  if (kind === 'sqlite') {
    const { client } = payload.db as unknown as { client: { execute(q: string): Promise<Rows> } }
    const { rows } = await client.execute(
      `select m.name as "table", i.name as "name", c.name as "column"
         from sqlite_master m join pragma_index_list(m.name) i
         join pragma_index_info(i.name) c
        where m.type = 'table' order by m.name, i.name, c.seqno`,
    )
    rows.forEach(add)
  } else {
    const { pool } = payload.db as unknown as { pool: { query(q: string): Promise<Rows> } }
    const { rows } = await pool.query(
      `select t.relname as "table", i.relname as "name", a.attname as "column"
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_class t on t.oid = x.indrelid
         join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
         cross join lateral unnest(x.indkey) with ordinality as k(attnum, position)
         join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
        order by t.relname, i.relname, k.position`,
    )
    rows.forEach(add)
  }
  return [...found.values()]
}

describe.runIf(kind !== 'mongodb')('the schema', () => {
  it('indexes every hasMany text table on its parent (reading an article’s topics scans nothing)', async () => {
    const all = await indexes()
    const texts = [...new Set(all.filter((i) => i.table.endsWith('_texts')).map((i) => i.table))]
    expect(texts.sort()).toEqual(['_articles_v_texts', 'articles_texts'])
    for (const table of texts) {
      expect(
        all.some((i) => i.table === table && i.columns[0] === 'parent_id'),
        table,
      ).toBe(true)
    }
  })

  it('has the indexes the publisher’s queries need, on their columns in order', async () => {
    const all = new Map((await indexes()).map((i) => [i.name, i]))
    expect(
      EXTRA_INDEXES.map(({ table, name }) => ({ table, name, columns: all.get(name)?.columns })),
    ).toEqual([
      { table: 'articles_texts', name: 'articles_texts_parent_idx', columns: ['parent_id'] },
      { table: '_articles_v_texts', name: '_articles_v_texts_parent_idx', columns: ['parent_id'] },
      {
        table: 'articles',
        name: 'articles_status_review_due_idx',
        columns: ['_status', 'review_due'],
      },
      {
        table: '_articles_v',
        name: '_articles_v_state_latest_idx',
        columns: ['version_state', 'latest'],
      },
    ])
  })
})
