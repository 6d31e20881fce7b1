import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import { graphqlLimitsRule } from './graphqlLimits'

const schema = buildSchema(`
  type Doc { id: ID, body: String, child: Doc }
  type Page { docs: [Doc] }
  type Query { Docs(limit: Int, page: Int, pagination: Boolean): Page }
`)
const limits = { maxDepth: 4, maxAliases: 2, maxCost: 100 }
const errors = (query: string, variables: Record<string, unknown> = {}) =>
  validate(schema, parse(query), [graphqlLimitsRule(variables, limits)]).map((e) => e.message)

describe('graphqlLimitsRule', () => {
  it('passes a modest query', () => {
    expect(errors('{ Docs(limit: 10) { docs { id body } } }')).toEqual([])
  })
  it('counts depth through fragments and refuses past the limit', () => {
    const q = '{ Docs { docs { child { child { ...f } } } } } fragment f on Doc { child { id } }'
    expect(errors(q).join()).toMatch(/depth 5 is over the limit of 4/)
  })
  it('counts aliases', () => {
    expect(
      errors('{ a: Docs { docs { id } } b: Docs { docs { id } } c: Docs { docs { id } } }').join(),
    ).toMatch(/3 aliases/)
  })
  it('prices documents by limit, variables included, and everything as unbounded', () => {
    expect(errors('{ Docs(limit: 60) { docs { id body } } }').join()).toMatch(/estimated cost/)
    expect(errors('query($n: Int) { Docs(limit: $n) { docs { id } } }', { n: 500 }).join()).toMatch(
      /estimated cost/,
    )
    expect(errors('{ Docs(limit: 0) { docs { id } } }').join()).toMatch(/estimated cost/)
    expect(errors('{ Docs(pagination: false) { docs { id } } }').join()).toMatch(/estimated cost/)
  })
  it('does not loop on a fragment that spreads itself', () => {
    const q = '{ Docs { docs { ...f } } } fragment f on Doc { child { ...f } }'
    expect(() => errors(q)).not.toThrow()
  })
  it('refuses a page below 1 and a negative limit', () => {
    expect(errors('{ Docs(page: -5) { docs { id } } }').join()).toMatch(
      /"page" must be a whole number from 1/,
    )
    expect(errors('query($l: Int) { Docs(limit: $l) { docs { id } } }', { l: -1 }).join()).toMatch(
      /"limit" must be a whole number from 0/,
    )
    expect(errors('{ Docs(page: 2, limit: 5) { docs { id } } }')).toEqual([])
  })
})
