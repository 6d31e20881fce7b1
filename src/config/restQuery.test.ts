import { describe, expect, it } from 'vitest'

import { type FieldMap, idProblem, queryProblem, type QuerySchema } from './restQuery'

const articles: FieldMap = {
  title: { kind: 'text' },
  createdAt: { kind: 'date' },
  count: { kind: 'number' },
  done: { kind: 'boolean' },
  place: { kind: 'point' },
  authors: { kind: 'relation', to: 'users' },
  approval: { kind: 'nested', fields: { approvedBy: { kind: 'relation', to: 'users' } } },
}
const schema: QuerySchema = {
  idType: 'number',
  collections: { articles, users: { name: { kind: 'text' } } },
}
const problem = (query: Record<string, unknown>) => queryProblem(schema, articles, query)

describe('queryProblem', () => {
  it('passes well-formed queries, the admin list and picker shapes included', () => {
    for (const query of [
      {},
      { page: '2', limit: '25', depth: '1', sort: '-createdAt,title' },
      { where: { title: { like: 'x' } } },
      { where: { or: [{ and: [{ title: { equals: 'a' } }, { count: { greater_than: '3' } }] }] } },
      { where: { id: { not_in: ['1', '2'] } } },
      { where: { id: { in: '1,2' } } },
      { where: { 'approval.approvedBy': { equals: '4' } } },
      { where: { 'authors.name': { like: 'Ana' } } },
      { where: { createdAt: { less_than: '2026-01-01T00:00:00Z' } } },
      { where: { authors: { exists: 'false' } } },
      { where: { place: { near: '1,2' } } },
      { where: JSON.stringify({ title: { equals: 'x' } }) },
      { where: { unknown_field: { equals: 'left to Payload' } } },
    ]) {
      expect(problem(query), JSON.stringify(query)).toBeUndefined()
    }
  })

  it('names the parameter and the reason of each malformed one', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ page: '99999999999999999999' }, 'page', /whole number/],
      [{ page: '0' }, 'page', /from 1/],
      [{ limit: '-1' }, 'limit', /whole number/],
      [{ depth: '11' }, 'depth', /to 10/],
      [{ sort: 'nope' }, 'sort', /no such field/],
      [{ where: 'not json' }, 'where', /JSON/],
      [{ where: { title: { like: ['x'] } } }, 'where[title]', /single value/],
      [{ where: { title: { near: '1,2' } } }, 'where[title]', /location fields/],
      [{ where: { createdAt: { equals: 'not-a-date' } } }, 'where[createdAt]', /not a date/],
      [{ where: { count: { equals: 'ten' } } }, 'where[count]', /not a number/],
      [{ where: { id: { equals: '1e400' } } }, 'where[id]', /not an id/],
      [{ where: { authors: { in: 'a,b' } } }, 'where[authors]', /not an id/],
      [{ where: { done: { exists: 'maybe' } } }, 'where[done]', /true or false/],
      [{ where: { or: 'x' } }, 'where[or]', /list of conditions/],
      [{ where: { or: ['x'] } }, 'where[or][0]', /must be conditions/],
      [{ where: { title: { bogus: 'x' } } }, 'where[title]', /not a query operator/],
      [{ data: '{' }, 'data', /JSON/],
    ]
    for (const [query, param, reason] of cases) {
      const found = problem(query)
      expect(found?.status, JSON.stringify(query)).toBe(400)
      expect(found?.param.startsWith(param), `${JSON.stringify(query)}: ${found?.param}`).toBe(true)
      expect(found?.reason).toMatch(reason)
    }
  })
})

describe('idProblem', () => {
  it('accepts the ids of each kind of database, and nothing else', () => {
    expect(idProblem('42', 'number')).toBeUndefined()
    for (const bad of ['abc', '1e400', '-1', '0', '1.5', '0x10', '\0', '99999999999999999999']) {
      expect(idProblem(bad, 'number'), bad).toMatch(/not an id/)
    }
    expect(idProblem('65a1f0c2e4b0a1b2c3d4e5f6', 'text')).toBeUndefined()
    expect(idProblem('42', 'text')).toMatch(/not an id/)
  })
})
