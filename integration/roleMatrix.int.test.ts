import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '../payload-types'
import type { WorkflowAction, WorkflowState } from '../src/workflow'
import { type Cast, type CastMember, act, articleIn, createCast } from './helpers/cast'
import { createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
let cast: Cast

type Who = CastMember | 'anonymous'
const EVERYONE: Who[] = [
  'anonymous',
  'author',
  'coAuthor',
  'reviewer',
  'otherReviewer',
  'editor',
  'admin',
]
/** Who may, for each cell; everyone else is refused and nothing is stored. */
const only = (...allowed: Who[]) => new Set<Who>(allowed)

beforeAll(async () => {
  payload = await testPayload()
  cast = await createCast(payload)
})

const latest = (id: Article['id']) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
const live = (id: Article['id']) =>
  payload.findByID({ collection: 'articles', id, depth: 0, disableErrors: true })
const eventsOf = async (id: Article['id']) =>
  (
    await payload.find({
      collection: 'reviews',
      where: { article: { equals: id } },
      depth: 0,
      pagination: false,
      sort: 'at',
    })
  ).docs
const userRow = (id: User['id']) =>
  payload.findByID({ collection: 'users', id, depth: 0, showHiddenFields: true })

/** A refusal is a 4xx, never a 5xx and never a success. */
function expectRefused(status: number, label: string) {
  expect(status, label).toBeGreaterThanOrEqual(400)
  expect(status, label).toBeLessThan(500)
}

describe('articles: every collection operation by every role', () => {
  it('create: authors (listing themselves) and staff; the stored article is theirs', async () => {
    const allowed = only('author', 'coAuthor', 'editor', 'admin')
    for (const who of EVERYONE) {
      const title = `Who may create ${unique()}?`
      const self = who === 'anonymous' ? cast.people.author : cast.people[who]
      const res = await cast.as[who].post('/articles?draft=true', {
        title,
        body: `Yes [@${cast.citation.key}].`,
        authors: [
          allowed.has(who) && who !== 'editor' && who !== 'admin' ? self.id : cast.people.author.id,
        ],
        citations: [cast.citation.id],
      })
      const stored = await payload.find({
        collection: 'articles',
        where: { title: { equals: title } },
        draft: true,
        depth: 0,
      })
      if (allowed.has(who)) {
        expect(res.status, who).toBe(201)
        expect(
          stored.docs.map((a) => a.state),
          who,
        ).toEqual(['draft'])
      } else {
        expectRefused(res.status, who)
        expect(stored.totalDocs, who).toBe(0)
      }
    }
  })

  it('read a draft: its authors, the board and staff; anonymous readers never', async () => {
    const marker = `DRAFT-MARKER-${unique()}`
    const draft = await articleIn(payload, cast, 'draft', { summary: marker })
    const allowed = only('author', 'coAuthor', 'reviewer', 'otherReviewer', 'editor', 'admin')
    for (const who of EVERYONE) {
      const one = await cast.as[who].get(`/articles/${draft.id}?draft=true`)
      const list = await cast.as[who].get(`/articles?draft=true&where[id][equals]=${draft.id}`)
      const seen =
        JSON.stringify(one.body).includes(marker) || JSON.stringify(list.body).includes(marker)
      expect(seen, who).toBe(allowed.has(who))
      if (!allowed.has(who)) expectRefused(one.status, who)
    }
    // Another author, not on this article, sees none of it either.
    const stranger = await createUser(payload, ['author'])
    const asStranger = await RestClient.login(stranger.email, PASSWORD)
    expect(
      JSON.stringify((await asStranger.get(`/articles/${draft.id}?draft=true`)).body),
    ).not.toContain(marker)
  })

  it('update a draft: its authors and staff; the stored revision says who won', async () => {
    const draft = await articleIn(payload, cast, 'draft')
    const allowed = only('author', 'coAuthor', 'editor', 'admin')
    for (const who of EVERYONE) {
      const summary = `Edited by ${who} ${unique()}`
      const res = await cast.as[who].patch(`/articles/${draft.id}?draft=true`, { summary })
      const stored = await latest(draft.id)
      if (allowed.has(who)) {
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(200)
        expect(stored.summary, who).toBe(summary)
      } else {
        expectRefused(res.status, who)
        expect(stored.summary, who).not.toBe(summary)
      }
    }
  })

  it('delete a draft nobody acted on: staff only; refused ones leave it stored', async () => {
    for (const who of EVERYONE) {
      const draft = await articleIn(payload, cast, 'draft')
      const res = await cast.as[who].delete(`/articles/${draft.id}`)
      const stored = await payload.findByID({
        collection: 'articles',
        id: draft.id,
        draft: true,
        disableErrors: true,
      })
      if (only('editor', 'admin').has(who)) {
        expect(res.status, who).toBe(200)
        expect(stored, who).toBeNull()
      } else {
        expectRefused(res.status, who)
        expect(stored?.id, who).toBe(draft.id)
      }
    }
  })

  it('restore an earlier draft revision: its authors and staff; the stored draft is the one restored', async () => {
    const allowed = only('author', 'coAuthor', 'editor', 'admin')
    for (const who of EVERYONE) {
      const draft = await articleIn(payload, cast, 'draft', { summary: 'First words.' })
      await payload.update({
        collection: 'articles',
        id: draft.id,
        draft: true,
        data: { summary: 'Second words.' },
      })
      const versions = await payload.findVersions({
        collection: 'articles',
        where: { parent: { equals: draft.id } },
        sort: 'createdAt',
        depth: 0,
      })
      const first = versions.docs.find((v) => v.version.summary === 'First words.')!
      const res = await cast.as[who].post(`/articles/versions/${first.id}?draft=true`)
      const stored = await latest(draft.id)
      if (allowed.has(who)) {
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(200)
        expect(stored.summary, who).toBe('First words.')
      } else {
        expectRefused(res.status, who)
        expect(stored.summary, who).toBe('Second words.')
      }
    }
  })
})

describe('workflow actions by every role, checked against the stored state and trail', () => {
  const CELLS: {
    action: WorkflowAction
    from: WorkflowState
    to: WorkflowState
    allowed: Set<Who>
    extra?: (who: Who) => object
  }[] = [
    {
      action: 'submit',
      from: 'draft',
      to: 'submitted',
      allowed: only('author', 'coAuthor', 'editor', 'admin'),
    },
    {
      action: 'withdraw',
      from: 'submitted',
      to: 'draft',
      allowed: only('author', 'coAuthor', 'editor', 'admin'),
    },
    {
      action: 'start_review',
      from: 'submitted',
      to: 'under_review',
      allowed: only('reviewer', 'otherReviewer', 'editor', 'admin'),
      // Staff assign a board member; reviewers claim the review.
      extra: (who) =>
        who === 'editor' || who === 'admin' ? { assigneeId: cast.people.reviewer.id } : {},
    },
    {
      action: 'request_changes',
      from: 'under_review',
      to: 'changes_requested',
      allowed: only('reviewer', 'editor', 'admin'),
      extra: () => ({ comment: 'Cite the newer trial.' }),
    },
    {
      action: 'approve',
      from: 'under_review',
      to: 'approved',
      allowed: only('reviewer', 'editor', 'admin'),
    },
    { action: 'unpublish', from: 'approved', to: 'draft', allowed: only('editor', 'admin') },
    {
      action: 'comment',
      from: 'submitted',
      to: 'submitted',
      allowed: only('author', 'coAuthor', 'reviewer', 'otherReviewer', 'editor', 'admin'),
      extra: () => ({ comment: 'A note for the record.' }),
    },
  ]

  for (const cell of CELLS) {
    it(`${cell.action} from ${cell.from}: ${[...cell.allowed].join(', ')}`, async () => {
      for (const who of EVERYONE) {
        const article = await articleIn(payload, cast, cell.from)
        const before = (await eventsOf(article.id)).length
        const wasLive = (await live(article.id))?._status === 'published'
        const res = await act(cast.as[who], article.id, cell.action, cell.extra?.(who) ?? {})
        const stored = await latest(article.id)
        const events = await eventsOf(article.id)
        const label = `${who} ${cell.action}`
        if (cell.allowed.has(who)) {
          expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(200)
          expect(stored.state, label).toBe(cell.to)
          expect(events, label).toHaveLength(before + 1)
          const event = events.at(-1)!
          expect([event.type, event.actor], label).toEqual([
            cell.action,
            cast.people[who as CastMember].id,
          ])
          if (cell.action === 'approve') {
            expect((await live(article.id))?._status, label).toBe('published')
            expect(stored.approval?.approvedBy, label).toBe(cast.people[who as CastMember].id)
          }
          if (cell.action === 'unpublish')
            expect((await live(article.id))?._status, label).toBe('draft')
        } else {
          expect(res.status, label).toBe(who === 'anonymous' ? 401 : res.status)
          expectRefused(res.status, label)
          expect(stored.state, label).toBe(cell.from)
          expect(events, label).toHaveLength(before)
          expect((await live(article.id))?._status === 'published', label).toBe(wasLive)
        }
      }
    }, 120_000)
  }
})

describe('the other collections by every role', () => {
  it('citations: contributors create and update, staff delete, anonymous nothing', async () => {
    for (const who of EVERYONE) {
      const key = `matrix-${unique()}`
      const created = await cast.as[who].post('/citations', {
        key,
        type: 'article-journal',
        title: 'T',
      })
      const row = async () =>
        (await payload.find({ collection: 'citations', where: { key: { equals: key } }, depth: 0 }))
          .docs[0]
      if (who === 'anonymous') {
        expectRefused(created.status, who)
        expect(await row(), who).toBeUndefined()
        continue
      }
      expect(created.status, `${who}: ${JSON.stringify(created.body)}`).toBe(201)
      const id = (await row())!.id
      expect((await cast.as[who].patch(`/citations/${id}`, { title: 'Renamed' })).status, who).toBe(
        200,
      )
      expect((await row())!.title).toBe('Renamed')
      const deleted = await cast.as[who].delete(`/citations/${id}`)
      if (only('editor', 'admin').has(who)) {
        expect(deleted.status, who).toBe(200)
        expect(await row(), who).toBeUndefined()
      } else {
        expectRefused(deleted.status, who)
        expect(await row(), who).toBeDefined()
      }
    }
    const anyCitation = cast.citation.id
    expectRefused(
      (await cast.as.anonymous.patch(`/citations/${anyCitation}`, { title: 'x' })).status,
      'anonymous',
    )
    expect((await payload.findByID({ collection: 'citations', id: anyCitation })).title).not.toBe(
      'x',
    )
  })

  it('review events: nobody creates, changes or deletes one through the API', async () => {
    const article = await articleIn(payload, cast, 'submitted')
    const [event] = await eventsOf(article.id)
    for (const who of EVERYONE) {
      expectRefused(
        (
          await cast.as[who].post('/reviews', {
            article: article.id,
            type: 'approve',
            at: new Date().toISOString(),
          })
        ).status,
        who,
      )
      expectRefused(
        (await cast.as[who].patch(`/reviews/${event!.id}`, { type: 'approve' })).status,
        who,
      )
      expectRefused((await cast.as[who].delete(`/reviews/${event!.id}`)).status, who)
    }
    expect(await eventsOf(article.id)).toEqual([event])
  })

  it('site settings: staff change them, everyone else is refused and nothing changes', async () => {
    const before = await payload.findGlobal({ slug: 'site-settings' })
    for (const who of EVERYONE) {
      const siteName = `Site by ${who} ${unique()}`
      const res = await cast.as[who].request('POST', '/globals/site-settings', { siteName })
      const stored = await payload.findGlobal({ slug: 'site-settings' })
      if (only('editor', 'admin').has(who)) {
        expect(res.status, who).toBe(200)
        expect(stored.siteName, who).toBe(siteName)
      } else {
        expectRefused(res.status, who)
        expect(stored.siteName, who).not.toBe(siteName)
      }
    }
    await payload.updateGlobal({ slug: 'site-settings', data: { siteName: before.siteName } })
  })
})

describe('user administration by every role', () => {
  it('create, change another profile, change roles, deactivate, delete, unlock: admins only', async () => {
    for (const who of EVERYONE) {
      const label = who
      const email = `matrix-${unique()}@test.example`
      const created = await cast.as[who].post('/users', {
        email,
        password: PASSWORD,
        name: 'New person',
        roles: ['author'],
      })
      const made = (
        await payload.find({ collection: 'users', where: { email: { equals: email } } })
      ).docs[0]
      const target = await createUser(payload, ['author'])
      const renamed = await cast.as[who].patch(`/users/${target.id}`, {
        name: 'Renamed by someone',
      })
      await cast.as[who].patch(`/users/${target.id}`, { roles: ['author', 'admin'] })
      await cast.as[who].patch(`/users/${target.id}`, { deactivated: true })
      const after = await userRow(target.id)
      const deleted = await cast.as[who].delete(`/users/${target.id}`)
      const stillThere = await payload.findByID({
        collection: 'users',
        id: target.id,
        disableErrors: true,
      })
      if (who === 'admin') {
        expect(created.status, label).toBe(201)
        expect(made?.roles, label).toEqual(['author'])
        expect(renamed.status, label).toBe(200)
        expect([after.name, after.roles, after.deactivated], label).toEqual([
          'Renamed by someone',
          ['author', 'admin'],
          true,
        ])
        expect(deleted.status, label).toBe(200)
        expect(stillThere, label).toBeNull()
      } else {
        expectRefused(created.status, label)
        expect(made, label).toBeUndefined()
        expect([after.name, after.roles, Boolean(after.deactivated)], label).toEqual([
          target.name,
          ['author'],
          false,
        ])
        expectRefused(deleted.status, label)
        expect(stillThere?.id, label).toBe(target.id)
      }
    }
  })
})

describe('mass assignment', () => {
  it('users: a person cannot set their roles, password hash, lockout, sessions or deactivation', async () => {
    const me = await createUser(payload, ['author'])
    const asMe = await RestClient.login(me.email, PASSWORD)
    const before = await userRow(me.id)
    const future = new Date(Date.now() + 86_400_000).toISOString()
    const res = await asMe.patch(`/users/${me.id}`, {
      roles: ['admin'],
      hash: 'forged',
      salt: 'forged',
      lockUntil: future,
      loginAttempts: 99,
      resetPasswordToken: 'forged',
      resetPasswordExpiration: future,
      sessions: [],
      deactivated: true,
      createdAt: '2000-01-01T00:00:00.000Z',
    })
    expect(res.status).toBe(200)
    const after = await userRow(me.id)
    expect(after.roles).toEqual(['author'])
    expect([after.hash, after.salt]).toEqual([before.hash, before.salt])
    expect(after.lockUntil ?? null).toBeNull()
    expect(after.loginAttempts ?? 0).toBe(0)
    expect(after.resetPasswordToken ?? null).toBeNull()
    expect(Boolean(after.deactivated)).toBe(false)
    expect(after.createdAt).toBe(before.createdAt)
    // The old password still works, and the session survived.
    await RestClient.login(me.email, PASSWORD)
    expect((await asMe.get('/users/me')).body.user?.id).toBe(me.id)
  })

  it('users: an admin creating an account cannot plant a password hash', async () => {
    const email = `planted-${unique()}@test.example`
    await cast.as.admin.post('/users', {
      email,
      password: PASSWORD,
      name: 'Planted',
      roles: ['author'],
      hash: 'forged',
      salt: 'forged',
    })
    const row = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: email } },
        showHiddenFields: true,
      })
    ).docs[0]!
    expect(row.hash).not.toBe('forged')
    await RestClient.login(email, PASSWORD)
  })

  it('articles: an author cannot set state, approval, reviewers, reviewDue or publication', async () => {
    const forged = {
      state: 'approved',
      approval: {
        hash: 'f'.repeat(64),
        approvedBy: cast.people.author.id,
        approvedAt: new Date().toISOString(),
      },
      reviewers: [cast.people.author.id],
      reviewDue: '2099-01-01T00:00:00.000Z',
      createdAt: '2000-01-01T00:00:00.000Z',
    }
    const title = `Forged ${unique()}?`
    const created = await cast.as.author.post('/articles?draft=true', {
      title,
      body: `Yes [@${cast.citation.key}].`,
      authors: [cast.people.author.id],
      citations: [cast.citation.id],
      ...forged,
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const check = async (label: string) => {
      const stored = await latest(id)
      expect(stored.state, label).toBe('draft')
      expect(stored.approval?.hash ?? null, label).toBeNull()
      expect(stored.approval?.approvedBy ?? null, label).toBeNull()
      expect(stored.reviewers ?? [], label).toEqual([])
      expect(stored.reviewDue ?? null, label).toBeNull()
      expect(new Date(stored.createdAt).getFullYear(), label).toBeGreaterThan(2000)
      expect((await live(id))?._status ?? 'draft', label).not.toBe('published')
    }
    await check('create')
    await cast.as.author.patch(`/articles/${id}?draft=true`, forged)
    await check('update')
    expectRefused(
      (await cast.as.author.patch(`/articles/${id}`, { ...forged, _status: 'published' })).status,
      'publish',
    )
    await check('publish')
    const gql = await cast.as.author.graphql(
      `mutation { updateArticle(id: ${id}, draft: true, data: { state: approved, reviewDue: "2099-01-01" }) { id state } }`,
    )
    expect(JSON.stringify(gql.body)).not.toMatch(/"state":"approved"/)
    await check('graphql')
    expect(await eventsOf(id)).toHaveLength(0)
  })
})
