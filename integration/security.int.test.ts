import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../payload-types'
import { MAX_REQUEST_BODY_BYTES } from '../src/config/requestLimits'
import { type Cast, act, articleIn, createCast } from './helpers/cast'
import { createUser, PASSWORD } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
let cast: Cast

beforeAll(async () => {
  payload = await testPayload()
  cast = await createCast(payload)
})

const stored = (id: User['id']) =>
  payload.findByID({ collection: 'users', id, depth: 0, showHiddenFields: true })

/** Locks `user` out the way an attacker would: wrong passwords until the lockout. */
async function lockOut(user: User): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await new RestClient().post('/users/login', { email: user.email, password: 'wrong-guess' })
  }
  const locked = await stored(user.id)
  expect(locked.lockUntil && new Date(locked.lockUntil) > new Date()).toBeTruthy()
}

describe('unlocking an account', () => {
  it('is refused to everyone but an admin, over REST and GraphQL, and the lock stays', async () => {
    const target = await createUser(payload, ['admin'])
    await lockOut(target)
    for (const who of ['author', 'reviewer', 'editor'] as const) {
      const rest = await cast.as[who].post('/users/unlock', { email: target.email })
      expect(rest.status, who).toBe(403)
      const gql = await cast.as[who].graphql(`mutation { unlockUser(email: "${target.email}") }`)
      expect(gql.body.errors?.[0]?.message, who).toMatch(/not allowed/i)
      expect(gql.body.data?.unlockUser ?? null).toBeNull()
    }
    expect((await cast.as.anonymous.post('/users/unlock', { email: target.email })).status).toBe(
      403,
    )
    const still = await stored(target.id)
    expect(new Date(still.lockUntil!).getTime()).toBeGreaterThan(Date.now())
    expect(still.loginAttempts).toBeGreaterThanOrEqual(10)
    // The right password is still refused while locked.
    const login = await new RestClient().post('/users/login', {
      email: target.email,
      password: PASSWORD,
    })
    expect(login.status).not.toBe(200)

    expect((await cast.as.admin.post('/users/unlock', { email: target.email })).status).toBe(200)
    expect((await stored(target.id)).lockUntil ?? null).toBeNull()
    await RestClient.login(target.email, PASSWORD)
  })
})

describe('emails', () => {
  it('are readable by admins and their owner only, while names stay visible to pickers', async () => {
    const { author, reviewer } = cast.people
    for (const who of ['author', 'reviewer', 'editor'] as const) {
      const list = await cast.as[who].get('/users?limit=100')
      expect(list.status).toBe(200)
      const others = list.body.docs.filter((u: User) => u.id !== cast.people[who].id)
      expect(others.length).toBeGreaterThan(0)
      expect(others.every((u: User) => u.email === undefined && typeof u.name === 'string')).toBe(
        true,
      )
      const own = list.body.docs.find((u: User) => u.id === cast.people[who].id)
      expect(own.email).toBe(cast.people[who].email)
      const one = await cast.as[who].get(`/users/${who === 'author' ? reviewer.id : author.id}`)
      expect(one.body.email).toBeUndefined()
      const gql = await cast.as[who].graphql(`{ Users(limit: 100) { docs { id name email } } }`)
      const gqlOthers = gql.body.data.Users.docs.filter(
        (u: User) => String(u.id) !== String(cast.people[who].id),
      )
      expect(gqlOthers.every((u: User) => !u.email)).toBe(true)
      // No oracle: asking by email is refused, not answered with a yes or no.
      const oracle = await cast.as[who].get(
        `/users?where[email][like]=${encodeURIComponent(cast.people.admin.email.slice(0, 5))}`,
      )
      expect(oracle.status, who).toBe(400)
      expect(oracle.body.docs).toBeUndefined()
    }
    const me = await cast.as.author.get('/users/me')
    expect(me.body.user.email).toBe(author.email)
    const asAdmin = await cast.as.admin.get(`/users/${author.id}`)
    expect(asAdmin.body.email).toBe(author.email)
  })
})

describe('deleting a person in the review record', () => {
  it('is refused with a reason; the trail and the approval keep their actor', async () => {
    const reviewer = await createUser(payload, ['reviewer'], 'Dr Departing Reviewer')
    await payload.update({
      collection: 'users',
      id: reviewer.id,
      data: { credentials: 'MD, PhD' },
    })
    const asReviewer = await RestClient.login(reviewer.email, PASSWORD)
    const article = await articleIn(payload, cast, 'submitted')
    expect((await act(asReviewer, article.id, 'start_review')).status).toBe(200)
    expect((await act(asReviewer, article.id, 'approve')).status).toBe(200)

    const res = await cast.as.admin.delete(`/users/${reviewer.id}`)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data).toMatchObject({ because: 'in_audit_trail' })
    expect(res.body.errors[0].message).toMatch(/deactivate/)
    const bulk = await cast.as.admin.delete(`/users?where[id][equals]=${reviewer.id}`)
    expect(bulk.body.docs ?? []).toHaveLength(0)
    await expect(payload.delete({ collection: 'users', id: reviewer.id })).rejects.toThrow(
      /review record/,
    )

    expect((await stored(reviewer.id)).id).toBe(reviewer.id)
    const events = await payload.find({
      collection: 'reviews',
      where: { article: { equals: article.id } },
      sort: 'at',
      depth: 0,
    })
    const approve = events.docs.find((e) => e.type === 'approve')!
    expect(approve.actor).toBe(reviewer.id)
    expect(approve).toMatchObject({
      actorName: 'Dr Departing Reviewer',
      actorCredentials: 'MD, PhD',
    })
    const live = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(live.approval?.approvedBy).toBe(reviewer.id)
  })

  it('freezes the name and credentials into each event: a later profile edit changes no history', async () => {
    const article = await articleIn(payload, cast, 'submitted')
    const submit = (
      await payload.find({
        collection: 'reviews',
        where: { and: [{ article: { equals: article.id } }, { type: { equals: 'submit' } }] },
        depth: 0,
      })
    ).docs[0]!
    expect(submit.actorName).toBe(cast.people.author.name)
    await cast.as.author.patch(`/users/${cast.people.author.id}`, { name: 'A new name' })
    const again = await payload.findByID({ collection: 'reviews', id: submit.id, depth: 0 })
    expect(again.actorName).toBe(cast.people.author.name)
    await cast.as.author.patch(`/users/${cast.people.author.id}`, {
      name: cast.people.author.name,
    })
  })

  it('deletes a person nobody recorded, and deactivation ends sign-in and sessions', async () => {
    const unused = await createUser(payload, ['author'])
    expect((await cast.as.admin.delete(`/users/${unused.id}`)).status).toBe(200)
    expect(
      await payload.findByID({ collection: 'users', id: unused.id, disableErrors: true }),
    ).toBeNull()

    const leaving = await createUser(payload, ['author'])
    const session = await RestClient.login(leaving.email, PASSWORD)
    expect((await session.get('/users/me')).body.user?.id).toBe(leaving.id)
    // Not by themselves, nor by an editor: the field is an admin's.
    await session.patch(`/users/${leaving.id}`, { deactivated: true })
    await cast.as.editor.patch(`/users/${leaving.id}`, { deactivated: true })
    expect((await stored(leaving.id)).deactivated).toBeFalsy()

    const res = await cast.as.admin.patch(`/users/${leaving.id}`, { deactivated: true })
    expect(res.status).toBe(200)
    expect((await stored(leaving.id)).deactivated).toBe(true)
    expect((await session.get('/users/me')).body.user ?? null).toBeNull()
    expect((await session.get('/articles')).body.docs.every((a: any) => a._status === 'published'))
    const login = await new RestClient().post('/users/login', {
      email: leaving.email,
      password: PASSWORD,
    })
    expect(login.status).toBe(403)
    expect(login.body.errors[0].data).toMatchObject({ because: 'deactivated' })
    expect(login.body.token).toBeUndefined()
  })
})

describe('deleting an article', () => {
  it('refuses an unpublished article with a review history (409 with the reason), and keeps it', async () => {
    const article = await articleIn(payload, cast, 'submitted')
    const res = await cast.as.editor.delete(`/articles/${article.id}`)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data).toMatchObject({ because: 'has_history' })
    expect(
      await payload.findByID({ collection: 'articles', id: article.id, draft: true, depth: 0 }),
    ).toMatchObject({ id: article.id })
  })

  it('refuses a published one, and deletes a draft nobody acted on', async () => {
    const approved = await articleIn(payload, cast, 'approved')
    const res = await cast.as.editor.delete(`/articles/${approved.id}`)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data).toMatchObject({ because: 'published_delete' })

    const draft = await articleIn(payload, cast, 'draft')
    expect((await cast.as.editor.delete(`/articles/${draft.id}`)).status).toBe(200)
    expect(
      await payload.findByID({ collection: 'articles', id: draft.id, disableErrors: true }),
    ).toBeNull()
  })
})

/** GraphQL errors: refused in validation, Payload answers the list itself. */
const errorsOf = (body: any): unknown[] | undefined => (Array.isArray(body) ? body : body?.errors)

describe('request limits', () => {
  it('refuses a 30 MB JSON body with 413 before parsing it, declared or streamed', async () => {
    const big = JSON.stringify({ title: 'x', body: 'y'.repeat(30 * 1024 * 1024) })
    const declared = await cast.as.author.raw('POST', '/articles', {
      headers: { 'content-type': 'application/json' },
      body: big,
    })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.text).errors[0].data).toMatchObject({ code: 'body_too_large' })
    // Without a Content-Length: reading stops at the limit.
    const chunk = new TextEncoder().encode('y'.repeat(1024 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 30) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const streamed = await cast.as.author.raw('POST', '/graphql-not-here', {
      headers: { 'content-type': 'application/json' },
      body: stream,
    })
    expect(streamed.status).toBe(413)
    expect(sent).toBeLessThan(30)
    const { totalDocs } = await payload.count({
      collection: 'articles',
      where: { title: { equals: 'x' } },
    })
    expect(totalDocs).toBe(0)
    // Just under the limit is still read (and answered on its merits).
    const under = await cast.as.author.raw('POST', '/articles/preview', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'z'.repeat(MAX_REQUEST_BODY_BYTES - 1024) }),
    })
    expect(under.status).not.toBe(413)
  })

  it('refuses GraphQL queries too deep, with too many aliases, or asking for too much', async () => {
    const aliases = Array.from(
      { length: 50 },
      (_, i) => `a${i}: Articles(limit: 100) { docs { body } }`,
    ).join(' ')
    const manyAliases = await cast.as.anonymous.graphql(`{ ${aliases} }`)
    expect(manyAliases.body.data ?? null).toBeNull()
    expect(JSON.stringify(errorsOf(manyAliases.body))).toMatch(/aliases are over the limit/)

    const costly = await cast.as.anonymous.graphql(
      `{ a: Articles(limit: 5000) { docs { body title summary } } }`,
    )
    expect(JSON.stringify(errorsOf(costly.body))).toMatch(/estimated cost/)
    const everything = await cast.as.anonymous.graphql(
      `{ a: Articles(pagination: false) { docs { body } } }`,
    )
    expect(JSON.stringify(errorsOf(everything.body))).toMatch(/estimated cost/)

    const deep = await cast.as.editor.graphql(
      `{ Articles { docs { authors { roles } reviewers { roles } citations { title } ${'variants { audience '.repeat(9)}${'}'.repeat(9)} } } }`,
    )
    expect(JSON.stringify(errorsOf(deep.body))).toMatch(/depth \d+ is over the limit/)

    const fine = await cast.as.editor.graphql(`{ Articles(limit: 5) { docs { id title } } }`)
    expect(fine.body.errors).toBeUndefined()
    expect(Array.isArray(fine.body.data.Articles.docs)).toBe(true)
  })

  it('turns introspection off in production', async () => {
    const query = '{ __schema { queryType { name } } }'
    expect(errorsOf((await cast.as.editor.graphql(query)).body)).toBeUndefined()
    const env = process.env as Record<string, string | undefined>
    const before = env.NODE_ENV
    env.NODE_ENV = 'production'
    try {
      const res = await cast.as.editor.graphql(query)
      expect(JSON.stringify(errorsOf(res.body))).toMatch(/introspection is not allowed/)
      expect(res.body.data?.__schema ?? null).toBeNull()
    } finally {
      env.NODE_ENV = before
    }
  })

  it('answers malformed GraphQL arguments with the reason or nothing, never a server fault', async () => {
    for (const query of [
      '{ Articles(where: { createdAt: { equals: "not-a-date" } }) { docs { id } } }',
      '{ Articles(where: { id: { equals: "abc" } }) { docs { id } } }',
      '{ Articles(page: -5) { docs { id } } }',
      '{ Articles(limit: -1) { docs { id } } }',
      '{ Article(id: "abc") { id } }',
      '{ Article(id: "1e400") { id } }',
    ]) {
      const res = await cast.as.editor.graphql(query)
      const errors = errorsOf(res.body) as { message: string }[] | undefined
      expect(res.status, query).toBeLessThan(500)
      // Refused with the reason, or answered with nothing.
      if (errors?.length) {
        expect(errors.map((e) => e.message).join(), query).not.toMatch(/Something went wrong/)
      } else {
        expect(JSON.stringify(res.body.data), query).not.toMatch(/"id":/)
      }
    }
  })
})
