import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { type Cast, articleIn, createCast } from './helpers/cast'
import { testPayload } from './helpers/payload'
import type { RestClient } from './helpers/rest'

let payload: Payload
let cast: Cast

beforeAll(async () => {
  payload = await testPayload()
  cast = await createCast(payload)
  // Something to leak, if anything leaked: a draft with a marker, and an approved article.
  await articleIn(payload, cast, 'draft', { body: `MALFORMED-MARKER [@${cast.citation.key}]` })
  await articleIn(payload, cast, 'approved')
})

type Who = 'anonymous' | 'author' | 'editor'
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/** One malformed request: who sends it, how, and what it must be answered with. */
interface Case {
  path: string
  method?: Method
  who?: Who
  body?: string
  status?: 400 | 404 | 403 | 401
}

const json = { 'content-type': 'application/json' }
const q = (query: string): Case => ({ path: `/articles?${query}` })

/** At least 40 malformed requests, each answered 400 or 404 with a reason and no data. */
const CASES: Case[] = [
  // Query operators given the wrong shape or type.
  q('where[body][like][]=x'),
  q('where[body][like][a]=x'),
  q('where[body][near]=1,2'),
  q('where[title][within]=x'),
  q('where[title][intersects]=x'),
  q('where[title][no_such_operator]=x'),
  q('where[no_such_field][equals]=x'),
  q('where[createdAt][equals]=not-a-date'),
  q('where[createdAt][greater_than]=not-a-date'),
  q('where[reviewDue][less_than]=2020-13-45'),
  q('where[updatedAt][in]=yesterday,tomorrow'),
  q('where[id][equals]=abc'),
  q('where[id][equals]=1e400'),
  q('where[id][in]=abc,def'),
  q('where[id][greater_than]=abc'),
  q('where[citations][contains]=abc'),
  q('where[authors][in]=abc'),
  q('where[body][exists]=maybe'),
  q('where=notanobject'),
  q('where[and]=x'),
  q('where[or][0]=x'),
  q('where[or][0][and]=x'),
  q('where[state][equals][nested]=x'),
  // Pagination, depth and sort out of range.
  q('page=99999999999999999999'),
  q('page=-5'),
  q('page=abc'),
  q('page=1.5'),
  q('limit=-1'),
  q('limit=abc'),
  q('limit=99999999999999999999'),
  q('depth=-1'),
  q('depth=abc'),
  q('sort=no_such_field'),
  // Documents that are not there, or ids that cannot be.
  { path: '/articles/abc' },
  { path: '/articles/1e400' },
  { path: '/articles/-1' },
  { path: '/articles/1.5' },
  { path: '/articles/0x10' },
  { path: '/articles/99999999' },
  { path: '/articles/%00' },
  { path: '/articles/versions/abc' },
  { path: '/articles/versions/99999999', who: 'editor' },
  { path: '/articles/versions?where[version.reviewDue][equals]=soon', who: 'editor' },
  { path: '/articles/versions?where[parent][equals]=abc', who: 'editor' },
  { path: '/articles?data=not-json' },
  { path: '/%zz' },
  { path: '/articles/%' },
  { path: '/articles/..%c0%af..%c0%afpackage.json' },
  { path: '/users/me/..%2f..%2fpackage.json' },
  { path: '/articles/abc/workflow', who: 'author' },
  { path: '/users/abc', who: 'author' },
  { path: '/reviews/abc', who: 'editor' },
  { path: '/citations/abc' },
  { path: '/no-such-collection' },
  { path: '/globals/no-such-global' },
  // Auth routes asked the wrong way.
  { path: '/users/logout' },
  { path: '/users/unlock' },
  // Bodies that are not what the route reads.
  { path: '/users/login', method: 'POST', body: 'not json' },
  { path: '/users/login', method: 'POST', body: '{"email": 5, "password": []}' },
  { path: '/articles', method: 'POST', who: 'author', body: 'not json' },
  { path: '/articles', method: 'POST', who: 'author', body: '[1, 2, 3]' },
  { path: '/articles/abc/workflow', method: 'POST', who: 'editor', body: '{"action":"submit"}' },
  { path: '/articles/1/workflow', method: 'POST', who: 'editor', body: '{"action":"explode"}' },
  { path: '/articles/preview', method: 'POST', who: 'author', body: '{"body": 5}' },
  { path: '/articles/abc', method: 'PATCH', who: 'editor', body: '{"title":"x"}' },
  { path: '/articles/abc', method: 'DELETE', who: 'editor' },
  { path: '/articles?where[id][equals]=abc', method: 'DELETE', who: 'editor' },
]

const clientOf = (who: Who): RestClient => cast.as[who]

describe('malformed requests', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
  })

  it.each(CASES.map((c) => [`${c.method ?? 'GET'} ${c.path} as ${c.who ?? 'anonymous'}`, c]))(
    '%s answers 400/404 with a reason and no data',
    async (_name, c) => {
      const res = await clientOf(c.who ?? 'anonymous').raw(c.method ?? 'GET', c.path, {
        headers: c.body === undefined ? {} : json,
        body: c.body,
      })
      expect([400, 404], `${res.status} ${res.text.slice(0, 300)}`).toContain(res.status)
      const body = JSON.parse(res.text)
      const reason = body.errors?.[0]?.message ?? body.message
      expect(reason, res.text).toMatch(/\w{3}/)
      expect(reason).not.toMatch(/Something went wrong/)
      expect(body.docs ?? []).toHaveLength(0)
      expect(body.doc).toBeUndefined()
      expect(res.text).not.toContain('MALFORMED-MARKER')
    },
  )
})
