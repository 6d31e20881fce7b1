import { describe, expect, it } from 'vitest'

import { ById } from './byId'

const reader = () => {
  const asked: string[][] = []
  const byId = new ById<{ id: string }>(async (ids) => {
    asked.push(ids)
    return ids.filter((id) => id !== 'gone').map((id) => ({ id }))
  }, 3)
  return { byId, asked }
}

describe('ById', () => {
  it('reads each document once while it is kept, and what does not exist is absent', async () => {
    const { byId, asked } = reader()
    await byId.load(['a', 'b', 'a', 'gone'])
    await byId.load(['b', 'a'])
    expect(asked).toEqual([['a', 'b', 'gone']])
    expect(byId.get('a')).toEqual({ id: 'a' })
    expect(byId.get('gone')).toBeUndefined()
  })

  it('keeps at most its capacity, dropping the least recently asked for', async () => {
    const { byId, asked } = reader()
    await byId.load(['a', 'b', 'c'])
    await byId.load(['a']) // a is now the most recent
    await byId.load(['d']) // b goes
    expect(byId.size).toBe(3)
    expect([byId.get('a'), byId.get('b'), byId.get('c'), byId.get('d')]).toEqual([
      { id: 'a' },
      undefined,
      { id: 'c' },
      { id: 'd' },
    ])
    await byId.load(['b'])
    expect(asked.at(-1)).toEqual(['b'])
  })

  it('keeps every document of one load, even more than its capacity, until the next', async () => {
    const { byId } = reader()
    await byId.load(['x'])
    const page = ['a', 'b', 'c', 'd', 'e']
    await byId.load(page)
    for (const id of page) expect(byId.get(id)).toEqual({ id })
    expect(byId.get('x')).toBeUndefined()
    await byId.load(['f'])
    expect(byId.size).toBe(3)
    expect(byId.get('f')).toEqual({ id: 'f' })
  })
})
