import { describe, expect, it } from 'vitest'

import { readAhead } from './paging'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('readAhead', () => {
  it('hands out every item in order, reading the next while the current one is worked on', async () => {
    const log: string[] = []
    async function* pages() {
      for (const page of [1, 2, 3]) {
        log.push(`read ${page}`)
        await tick()
        yield page
      }
    }
    const seen: number[] = []
    for await (const page of readAhead(pages())) {
      log.push(`work ${page}`)
      await tick()
      seen.push(page)
    }
    expect(seen).toEqual([1, 2, 3])
    // Each page is asked for as soon as the one before is handed out.
    expect(log).toEqual(['read 1', 'read 2', 'work 1', 'read 3', 'work 2', 'work 3'])
  })

  it('reports a failed read where it comes, after the items before it', async () => {
    async function* pages() {
      yield 1
      throw new Error('the database went away')
    }
    const seen: number[] = []
    await expect(async () => {
      for await (const page of readAhead(pages())) {
        await tick()
        seen.push(page)
      }
    }).rejects.toThrow('the database went away')
    expect(seen).toEqual([1])
  })

  it('closes the source when the consumer stops early', async () => {
    let closed = false
    async function* pages() {
      try {
        for (let page = 1; ; page++) yield page
      } finally {
        closed = true
      }
    }
    for await (const page of readAhead(pages())) if (page === 2) break
    await tick()
    expect(closed).toBe(true)
  })
})
