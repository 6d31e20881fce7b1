import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../src/config/database'
import { runInTransaction } from '../src/config/transactions'
import { unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const citation = (key: string) => ({
  collection: 'citations' as const,
  data: { key, type: 'article-journal' as const, title: 'A reference made in a transaction' },
})
const exists = async (key: string) =>
  (await payload.count({ collection: 'citations', where: { key: { equals: key } } })).totalDocs

// Only SQLite serializes transactions in this process: the other databases run them side by side.
describe.runIf(databaseKind(process.env.DATABASE_URL) === 'sqlite')('SQLite transactions', () => {
  it('refuses a Local API call without req inside a transaction, and rolls it all back', async () => {
    const joined = `joined-${unique()}`
    const forgotten = `forgotten-${unique()}`
    const req = await createLocalReq({}, payload)
    const started = Date.now()
    await expect(
      runInTransaction(req, async () => {
        await payload.create({ ...citation(joined), req })
        // No req: it would open a second transaction and wait for the one it runs inside.
        await payload.create(citation(forgotten))
      }),
    ).rejects.toThrow(/would wait for transaction #\d+ .*: it would wait for itself\. Pass `req`/)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await exists(joined)).toBe(0)
    expect(await exists(forgotten)).toBe(0)
  })

  it('commits concurrent transactions one after another', async () => {
    const keys = Array.from({ length: 5 }, () => `concurrent-${unique()}`)
    await Promise.all(
      keys.map(async (key) => {
        const req = await createLocalReq({}, payload)
        await runInTransaction(req, async () => {
          await payload.create({ ...citation(key), req })
          await payload.update({
            collection: 'citations',
            where: { key: { equals: key } },
            data: { title: 'Updated in the same transaction' },
            req,
          })
        })
      }),
    )
    for (const key of keys) expect(await exists(key)).toBe(1)
  })
})
