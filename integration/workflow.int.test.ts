import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, Citation, User } from '../payload-types'
import {
  type Actor,
  addMonths,
  decide,
  type Role,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowState,
} from '../src/workflow'
import { createCitation, createUser, drainJobs, PASSWORD, unique } from './helpers/fixtures'
import { waitForMail } from './helpers/mailbox'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
const people: Record<string, User> = {}
const as: Record<string, RestClient> = {}
const anonymous = new RestClient()
let citation: Citation

const STATUS = {
  forbidden: 403,
  invalid_state: 409,
  invalid_input: 400,
  content_problems: 422,
} as const

beforeAll(async () => {
  payload = await testPayload()
  const roles: Record<string, Role[]> = {
    author: ['author'],
    otherAuthor: ['author'],
    reviewer: ['reviewer'],
    reviewer2: ['reviewer'],
    authorReviewer: ['author', 'reviewer'],
    editor: ['editor'],
    admin: ['admin'],
  }
  for (const [name, r] of Object.entries(roles)) {
    people[name] = await createUser(payload, r, `Dr ${name} ${unique()}`)
    as[name] = await RestClient.login(people[name]!.email, PASSWORD)
  }
  citation = await createCitation(payload, { title: 'Alkaline phosphatase in myeloma' })
  // Publish jobs run in these tests; publishing needs a disclaimer.
  await payload.updateGlobal({ slug: 'site-settings', data: { disclaimer: 'For professionals.' } })
})

/** A new draft article, created by its author through the REST API. */
async function newArticle(author = people.author!, body?: string): Promise<Article> {
  const client = Object.entries(people).find(([, u]) => u.id === author.id)![0]
  const res = await as[client]!.post('/articles?draft=true', {
    title: `Is question ${unique()} answered?`,
    summary: 'A short answer.',
    body: body ?? `## Answer\n\nYes, it is [@${citation.key}].`,
    authors: [author.id],
    citations: [citation.id],
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc
}

const act = (client: RestClient, id: Article['id'], action: WorkflowAction, extra: object = {}) =>
  client.post(`/articles/${id}/workflow`, { action, ...extra })

async function latest(id: Article['id']): Promise<Article> {
  return payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
}
async function live(id: Article['id']): Promise<Article> {
  return payload.findByID({ collection: 'articles', id, depth: 0 })
}
async function eventsOf(id: Article['id']) {
  return (
    await payload.find({
      collection: 'reviews',
      where: { article: { equals: id } },
      sort: 'at',
      depth: 0,
      pagination: false,
    })
  ).docs
}

/** Moves a fresh article to `state` the normal way: author submits, `reviewer` reviews. */
async function articleIn(state: WorkflowState, author = people.author!): Promise<Article> {
  const article = await newArticle(author)
  const authorClient = Object.entries(people).find(([, u]) => u.id === author.id)![0]
  const steps: [RestClient, WorkflowAction, object?][] = {
    draft: [],
    submitted: [[as[authorClient]!, 'submit']],
    under_review: [
      [as[authorClient]!, 'submit'],
      [as.reviewer!, 'start_review'],
    ],
    changes_requested: [
      [as[authorClient]!, 'submit'],
      [as.reviewer!, 'start_review'],
      [as.reviewer!, 'request_changes', { comment: 'Cite the 2021 study for the second claim.' }],
    ],
    approved: [
      [as[authorClient]!, 'submit'],
      [as.reviewer!, 'start_review'],
      [as.reviewer!, 'approve'],
    ],
  }[state] as [RestClient, WorkflowAction, object?][]
  for (const [client, action, extra] of steps) {
    const res = await act(client, article.id, action, extra)
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200)
  }
  return latest(article.id)
}

describe('the review workflow through the REST API', () => {
  it('runs the whole flow: submit, changes requested, fix, resubmit, approve and publish', async () => {
    const article = await newArticle()
    const id = article.id
    expect((await act(as.author!, id, 'submit')).status).toBe(200)
    expect((await latest(id)).state).toBe('submitted')

    const start = await act(as.reviewer!, id, 'start_review', { expectedState: 'submitted' })
    expect(start.status).toBe(200)
    expect((await latest(id)).reviewers).toEqual([people.reviewer!.id])

    const changes = await act(as.reviewer!, id, 'request_changes', {
      comment: 'Please add the dose.',
    })
    expect(changes.status).toBe(200)
    expect((await latest(id)).state).toBe('changes_requested')

    const fix = await as.author!.patch(`/articles/${id}?draft=true`, {
      body: `## Answer\n\nYes, at 5 mg [@${citation.key}].`,
    })
    expect(fix.status).toBe(200)
    expect((await latest(id)).state).toBe('changes_requested')
    expect((await act(as.author!, id, 'submit')).status).toBe(200)
    expect((await act(as.reviewer!, id, 'start_review')).status).toBe(200)

    const before = Date.now()
    const approve = await act(as.reviewer!, id, 'approve')
    expect(approve.status, JSON.stringify(approve.body)).toBe(200)

    const published = await live(id)
    expect(published._status).toBe('published')
    expect(published.state).toBe('approved')
    expect(published.body).toContain('at 5 mg')
    expect(published.approval?.approvedBy).toBe(people.reviewer!.id)
    const status = await as.reviewer!.get(`/articles/${id}/workflow`)
    expect(published.approval?.hash).toBe(status.body.contentHash)
    const approvedAt = new Date(published.approval!.approvedAt!)
    expect(approvedAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(published.reviewDue).toBe(addMonths(approvedAt, 12).toISOString())
    expect(status.body.stale).toBe(false)
    expect(status.body.unreviewedChanges).toBe(false)

    expect((await anonymous.get(`/articles/${id}`)).body.body).toContain('at 5 mg')
    expect((await eventsOf(id)).map((e) => `${e.type}:${e.from}->${e.to}`)).toEqual([
      'submit:draft->submitted',
      'start_review:submitted->under_review',
      'request_changes:under_review->changes_requested',
      'submit:changes_requested->submitted',
      'start_review:submitted->under_review',
      'approve:under_review->approved',
    ])
    const comment = (await eventsOf(id)).find((e) => e.type === 'request_changes')
    expect(comment?.comment).toBe('Please add the dose.')
    expect(comment?.actor).toBe(people.reviewer!.id)
  })

  it('refuses a submission with content problems, listing each with its line', async () => {
    const article = await newArticle(people.author, '## Answer\n\nYes [@no-such-reference].')
    const res = await act(as.author!, article.id, 'submit')
    expect(res.status).toBe(422)
    const problems = res.body.errors[0].data.problems
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'citation-key', line: 3, severity: 'error' }),
      ]),
    )
    expect((await latest(article.id)).state).toBe('draft')
  })

  it('applies the state machine to every role and state: allowed actions work, refused ones change nothing', async () => {
    const actors = ['author', 'otherAuthor', 'reviewer', 'reviewer2', 'editor', 'admin'] as const
    const states: WorkflowState[] = [
      'draft',
      'submitted',
      'under_review',
      'changes_requested',
      'approved',
    ]
    const checked = { allowed: 0, refused: 0 }
    for (const state of states) {
      const baseline = await articleIn(state)
      const facts = async (a: Article) => ({
        state: a.state,
        authorIds: (a.authors ?? []).map((x) => (typeof x === 'object' ? x.id : x)),
        reviewerIds: (a.reviewers ?? []).map((x) => (typeof x === 'object' ? x.id : x)),
        isPublished: (await live(a.id))._status === 'published',
        contentHash: 'x',
      })
      for (const name of actors) {
        const user = people[name]!
        const actor: Actor = { id: user.id, roles: user.roles as Role[] }
        for (const action of WORKFLOW_ACTIONS) {
          const extra = { comment: 'A note for the record.' }
          const expected = decide(
            await facts(baseline),
            action,
            actor,
            {
              ...extra,
              problems: [],
              // The suite's references are verified (see createCitation).
              references: { policy: 'require-verified', keys: [citation.key], unverified: [] },
            },
            new Date(),
          )
          const label = `${name} ${action} on ${state}`
          if (!expected.ok) {
            const before = await latest(baseline.id)
            const eventsBefore = (await eventsOf(baseline.id)).length
            const res = await act(as[name]!, baseline.id, action, extra)
            expect(res.status, label).toBe(STATUS[expected.code])
            // Someone who cannot even read the article (another author's draft) is told just that.
            const canRead =
              !user.roles.every((r) => r === 'author') ||
              (await facts(baseline)).authorIds.includes(user.id) ||
              (await live(baseline.id))._status === 'published'
            expect(res.body.errors[0].message, label).toBe(
              canRead ? expected.reason : `There is no article ${baseline.id} that you can see`,
            )
            const after = await latest(baseline.id)
            expect([after.state, after._status, after.reviewers], label).toEqual([
              before.state,
              before._status,
              before.reviewers,
            ])
            expect((await eventsOf(baseline.id)).length, label).toBe(eventsBefore)
            checked.refused++
            continue
          }
          // Allowed: act on a fresh article in the same state, so the baseline stays put.
          const target =
            expected.to === state && action === 'comment' ? baseline : await articleIn(state)
          const res = await act(as[name]!, target.id, action, extra)
          expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(200)
          expect((await latest(target.id)).state, label).toBe(expected.to)
          if (expected.publish) expect((await live(target.id))._status, label).toBe('published')
          if (expected.unpublish) expect((await live(target.id))._status, label).toBe('draft')
          checked.allowed++
        }
      }
      for (const action of WORKFLOW_ACTIONS) {
        const res = await act(anonymous, baseline.id, action, { comment: 'x' })
        expect(res.status, `anonymous ${action} on ${state}`).toBe(401)
      }
    }
    // The sweep covered both outcomes in earnest.
    expect(checked.allowed).toBeGreaterThan(20)
    expect(checked.refused).toBeGreaterThan(100)
  }, 300_000)

  it('refuses a decision when the article moved on since the person loaded it (409)', async () => {
    const article = await articleIn('under_review')
    const res = await act(as.reviewer!, article.id, 'approve', { expectedState: 'submitted' })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toMatch(/now Under review, not Submitted/)
    const stale = await act(as.reviewer!, article.id, 'approve', { expectedHash: 'a'.repeat(64) })
    expect(stale.status).toBe(409)
    expect((await live(article.id))._status).toBe('draft')
  })

  it('lets exactly one of two concurrent decisions through', async () => {
    const article = await articleIn('under_review')
    const results = await Promise.all([
      act(as.reviewer!, article.id, 'approve', { expectedState: 'under_review' }),
      act(as.reviewer!, article.id, 'request_changes', {
        expectedState: 'under_review',
        comment: 'Wait.',
      }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const decisions = (await eventsOf(article.id)).filter((e) =>
      ['approve', 'request_changes'].includes(e.type),
    )
    expect(decisions).toHaveLength(1)
  })
})

describe('an author can never approve their own article', () => {
  let article: Article
  beforeAll(async () => {
    article = await articleIn('submitted', people.authorReviewer)
  })

  it('not by claiming or being assigned the review', async () => {
    const claim = await act(as.authorReviewer!, article.id, 'start_review')
    expect(claim.status).toBe(403)
    const assign = await act(as.editor!, article.id, 'start_review', {
      assigneeId: people.authorReviewer!.id,
    })
    expect(assign.status).toBe(400)
    expect(assign.body.errors[0].message).toMatch(/wrote|author/i)
  })

  it('not through the workflow endpoint, GraphQL, a publishing update, or restoring a version', async () => {
    expect((await act(as.reviewer!, article.id, 'start_review')).status).toBe(200)
    expect((await act(as.authorReviewer!, article.id, 'approve')).status).toBe(403)

    const gql = await as.authorReviewer!.graphql(
      `mutation($id: String!) { articleWorkflow(id: $id, action: "approve") { state } }`,
      { id: String(article.id) },
    )
    expect(gql.body.errors?.[0]?.message).toMatch(/cannot approve/)
    expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(gql.body.errors?.[0]?.extensions?.data?.code).toBe('forbidden')

    const publish = await as.authorReviewer!.patch(`/articles/${article.id}`, {
      _status: 'published',
    })
    expect(publish.status).toBe(403)
    const publishDraftFlag = await as.authorReviewer!.patch(`/articles/${article.id}?draft=true`, {
      _status: 'published',
    })
    expect(publishDraftFlag.status).toBe(403)
    const setState = await as.authorReviewer!.patch(`/articles/${article.id}?draft=true`, {
      state: 'approved',
    })
    expect([200, 403, 409]).toContain(setState.status)

    const versions = await as.authorReviewer!.get(
      `/articles/versions?where[parent][equals]=${article.id}`,
    )
    const restore = await as.authorReviewer!.post(`/articles/versions/${versions.body.docs[0].id}`)
    expect(restore.status).toBe(403)

    await expect(
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { _status: 'published' },
        overrideAccess: false,
        user: { ...people.authorReviewer!, collection: 'users' },
      }),
    ).rejects.toThrow(/published only when a reviewer/)

    const stored = await latest(article.id)
    expect(stored.state).toBe('under_review')
    expect((await live(article.id))._status).toBe('draft')
    expect((await eventsOf(article.id)).some((e) => e.type === 'approve')).toBe(false)
  })
})

describe('a published article keeps its approved revision until a new one is approved', () => {
  it('refuses edits that would change the live document, and turns edits into a new draft', async () => {
    const article = await articleIn('approved')
    const approvedBody = (await live(article.id)).body

    const direct = await as.author!.patch(`/articles/${article.id}`, {
      body: 'Changed without review.',
    })
    expect(direct.status).toBe(403)

    const draft = await as.author!.patch(`/articles/${article.id}?draft=true`, {
      body: `## Answer\n\nA revised answer [@${citation.key}].`,
    })
    expect(draft.status).toBe(200)
    expect((await live(article.id)).body).toBe(approvedBody)
    expect((await anonymous.get(`/articles/${article.id}`)).body.body).toBe(approvedBody)
    expect((await latest(article.id)).state).toBe('draft')
    expect((await eventsOf(article.id)).at(-1)?.type).toBe('edit_after_approval')
    const status = await as.author!.get(`/articles/${article.id}/workflow`)
    expect(status.body.unreviewedChanges).toBe(true)
    expect(status.body.published).toBe(true)

    // The new revision goes through review like any other, then replaces the live one.
    expect((await act(as.author!, article.id, 'submit')).status).toBe(200)
    expect((await live(article.id)).body).toBe(approvedBody)
    expect((await act(as.reviewer!, article.id, 'start_review')).status).toBe(200)
    expect((await act(as.reviewer!, article.id, 'approve')).status).toBe(200)
    expect((await live(article.id)).body).toContain('A revised answer')
  })

  it('sends a stale approval back to review; the approved revision stays live until a new approval', async () => {
    const ref = await createCitation(payload, { title: 'Serum free light chains' })
    const article = await newArticle(people.author, `## Answer\n\nYes [@${ref.key}].`)
    await as.author!.patch(`/articles/${article.id}?draft=true`, { citations: [ref.id] })
    for (const [client, action] of [
      ['author', 'submit'],
      ['reviewer', 'start_review'],
      ['reviewer', 'approve'],
    ] as const) {
      expect((await act(as[client]!, article.id, action)).status).toBe(200)
    }
    const firstApproval = (await live(article.id)).approval!
    await as.editor!.patch(`/citations/${ref.id}`, {
      title: 'Serum free light chains (2nd edition)',
    })
    expect((await as.editor!.get(`/articles/${article.id}/workflow`)).body.stale).toBe(true)
    // The change voided the reference's verification: the reviewer checks it again before approving.
    expect((await payload.findByID({ collection: 'citations', id: ref.id })).verified).toBe(false)

    expect((await act(as.author!, article.id, 'submit')).status).toBe(200)
    expect((await latest(article.id)).state).toBe('submitted')
    expect((await live(article.id))._status).toBe('published')
    expect((await act(as.reviewer!, article.id, 'start_review')).status).toBe(200)
    expect((await act(as.reviewer!, article.id, 'approve')).status).toBe(422)
    expect((await as.reviewer!.patch(`/citations/${ref.id}`, { verified: true })).status).toBe(200)
    expect((await act(as.reviewer!, article.id, 'approve')).status).toBe(200)
    const renewed = await live(article.id)
    expect(renewed.approval!.hash).not.toBe(firstApproval.hash)
    expect((await as.editor!.get(`/articles/${article.id}/workflow`)).body.stale).toBe(false)
  })

  it('locks the content while it is in review', async () => {
    const article = await articleIn('under_review')
    const res = await as.author!.patch(`/articles/${article.id}?draft=true`, {
      body: 'Sneaky edit [@x].',
    })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toMatch(/locked/)
    expect((await latest(article.id)).body).not.toContain('Sneaky')
  })

  it('flags the approval as stale when a cited reference changes', async () => {
    const ref = await createCitation(payload, { title: 'Bone turnover markers' })
    const article = await newArticle(people.author, `## Answer\n\nYes [@${ref.key}].`)
    await as.author!.patch(`/articles/${article.id}?draft=true`, { citations: [ref.id] })
    for (const [client, action] of [
      ['author', 'submit'],
      ['reviewer', 'start_review'],
      ['reviewer', 'approve'],
    ] as const) {
      expect((await act(as[client]!, article.id, action)).status).toBe(200)
    }
    expect((await as.editor!.get(`/articles/${article.id}/workflow`)).body.stale).toBe(false)

    await as.editor!.patch(`/citations/${ref.id}`, { title: 'Bone turnover markers (corrected)' })
    const status = await as.editor!.get(`/articles/${article.id}/workflow`)
    expect(status.body.stale).toBe(true)
    expect(status.body.unreviewedChanges).toBe(true)
  })
})

describe('the live preview while editing', () => {
  it('renders through the publishing pipeline and reports problems by line', async () => {
    const res = await as.author!.post('/articles/preview', {
      markdown: `## Answer\n\nYes [@${citation.key}], see [@nobody-knows].\n\n<script>alert(1)</script>`,
      citations: [citation.id],
    })
    expect(res.status).toBe(200)
    expect(res.body.html).toContain('<sup class="citation">')
    expect(res.body.html).toContain('Alkaline phosphatase in myeloma')
    expect(res.body.html).not.toContain('<script')
    const problems = res.body.problems.map((p: any) => `${p.severity} ${p.ruleId} ${p.line}`)
    expect(problems).toContain('error citation-key 3')
    expect(problems).toContain('warning html-dropped 5')
  })

  it('is for signed-in people with a well-formed request', async () => {
    expect((await anonymous.post('/articles/preview', { markdown: 'x' })).status).toBe(401)
    const bad = await as.author!.post('/articles/preview', { markdown: 42 })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/markdown/)
  })
})

describe('content can never hold up or take down the platform', () => {
  it('refuses nesting past the limit at submit, with its line, and the draft stays as saved', async () => {
    const body = `## Answer\n\nYes [@${citation.key}].\n\n${'- '.repeat(1000)}deep`
    const article = await newArticle(people.author!, body)
    const res = await act(as.author!, article.id, 'submit')
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.body)).toMatch(/nested more than 24 levels deep/)
    const problems = res.body.errors?.[0]?.data?.problems ?? res.body.problems ?? []
    expect(JSON.stringify(problems)).toContain('"line":5')
    const saved = await as.author!.get(`/articles/${article.id}?draft=true`)
    expect(saved.body.state).toBe('draft')
    expect(saved.body.body).toBe(body)
  })

  it('refuses a body over the stated size on save through REST and GraphQL, keeping nothing half-saved', async () => {
    const article = await newArticle()
    const huge = `## Answer\n\nYes [@${citation.key}]. ${'word '.repeat(41_000)}`
    const rest = await as.author!.patch(`/articles/${article.id}?draft=true`, { body: huge })
    expect(rest.status).toBe(400)
    expect(JSON.stringify(rest.body)).toMatch(/body/i)
    const gql = await as.author!.graphql(
      'mutation ($id: Int!, $body: String!) { updateArticle(id: $id, data: { body: $body }, draft: true) { id } }',
      { id: Number(article.id), body: huge },
    )
    expect(JSON.stringify(gql.body.errors ?? [])).toMatch(/body|length/i)
    const saved = await as.author!.get(`/articles/${article.id}?draft=true`)
    expect(saved.body.body).toBe(article.body)
  })

  it('answers a reader while a slow preview renders in the pool', async () => {
    // Within every limit and still seconds of work: paragraphs full of emphasis openers.
    const slow = `Yes [@${citation.key}].\n\n` + ('*a'.repeat(990) + '\n\n').repeat(25)
    const order: string[] = []
    const preview = as
      .author!.post('/articles/preview', { markdown: slow, citations: [citation.id] })
      .then((res) => (order.push('preview'), res))
    const reader = anonymous.get('/articles?limit=1').then((res) => (order.push('reader'), res))
    const [p, r] = await Promise.all([preview, reader])
    expect(r.status).toBe(200)
    expect(p.status).toBe(200)
    expect(order).toEqual(['reader', 'preview'])
  })
})

describe('anonymous readers see published revisions only', () => {
  it('through REST, GraphQL and the versions endpoints', async () => {
    const draftOnly = await newArticle()
    const approved = await articleIn('approved')
    await as.author!.patch(`/articles/${approved.id}?draft=true`, {
      body: `## Answer\n\nUNREVIEWED TEXT [@${citation.key}].`,
    })

    for (const path of [
      `/articles/${draftOnly.id}`,
      `/articles/${draftOnly.id}?draft=true`,
      `/articles?draft=true&limit=100`,
      `/articles?limit=100`,
      `/articles/${approved.id}?draft=true`,
      `/articles/versions?limit=100`,
    ]) {
      const res = await anonymous.get(path)
      const text = JSON.stringify(res.body)
      expect(text, path).not.toContain(draftOnly.title)
      expect(text, path).not.toContain('UNREVIEWED TEXT')
    }
    const versions = await as.author!.get(`/articles/versions?where[parent][equals]=${approved.id}`)
    expect((await anonymous.get(`/articles/versions/${versions.body.docs[0].id}`)).status).toBe(403)

    for (const query of [
      `{ Articles(draft: true, limit: 100) { docs { title body } } }`,
      `{ Articles(limit: 100) { docs { title body } } }`,
      `{ Article(id: ${JSON.stringify(String(draftOnly.id))}, draft: true) { title body } }`,
      `{ versionsArticles(limit: 100) { docs { id version { title body } } } }`,
    ]) {
      const text = JSON.stringify((await anonymous.graphql(query)).body)
      expect(text, query).not.toContain(draftOnly.title)
      expect(text, query).not.toContain('UNREVIEWED TEXT')
    }
    // The published revision is what anonymous readers do get.
    const published = await anonymous.graphql(`{ Articles(limit: 100) { docs { title body } } }`)
    expect(JSON.stringify(published.body)).toContain(approved.title)
  })
})

describe('notifications', () => {
  it('mails reviewers on submission and authors on requested changes and approval', async () => {
    const article = await newArticle()
    await act(as.author!, article.id, 'submit')
    await drainJobs(payload)
    const submitted = await waitForMail((m) => m.subject === `Review requested: ${article.title}`)
    expect(submitted.to).toEqual(
      expect.arrayContaining([people.reviewer!.email, people.reviewer2!.email]),
    )
    expect(submitted.to).not.toContain(people.author!.email)
    expect(submitted.text).toContain(`/admin/collections/articles/${article.id}`)

    await act(as.reviewer!, article.id, 'start_review')
    await act(as.reviewer!, article.id, 'request_changes', { comment: 'Add the reference range.' })
    await drainJobs(payload)
    const changes = await waitForMail((m) => m.subject === `Changes requested: ${article.title}`)
    expect(changes.to).toEqual([people.author!.email])
    expect(changes.text).toContain('Add the reference range.')

    await act(as.author!, article.id, 'submit')
    await act(as.reviewer!, article.id, 'start_review')
    await act(as.reviewer!, article.id, 'approve')
    await drainJobs(payload)
    const approved = await waitForMail((m) => m.subject === `Approved: ${article.title}`)
    expect(approved.to).toEqual([people.author!.email])
    expect(approved.text).toContain(`/articles/${article.slug}/`)
  })

  it('tells editors once when an approved article becomes overdue for re-review', async () => {
    const article = await articleIn('approved')
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { reviewDue: '2020-01-01T00:00:00.000Z' },
      context: { workflow: 'test: backdate the re-review' },
    })
    await payload.jobs.queue({ task: 'checkOverdueReviews', input: {} })
    await drainJobs(payload)
    const mail = await waitForMail(
      (m) => m.text.includes(article.title) && /overdue/i.test(m.subject),
    )
    expect(mail.to).toEqual(expect.arrayContaining([people.editor!.email, people.admin!.email]))
    expect(mail.to).not.toContain(people.author!.email)
    expect((await eventsOf(article.id)).filter((e) => e.type === 'review_overdue')).toHaveLength(1)

    await payload.jobs.queue({ task: 'checkOverdueReviews', input: {} })
    await drainJobs(payload)
    expect((await eventsOf(article.id)).filter((e) => e.type === 'review_overdue')).toHaveLength(1)
  })
})
