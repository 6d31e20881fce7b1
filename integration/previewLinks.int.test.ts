import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../payload-types'
import { createCitation, createUser, PASSWORD } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { approveThroughWorkflow, RestClient } from './helpers/rest'
import { CAUTION_TEXT } from '../src/site/components/ArticlePage'

let payload: Payload
let author: User
let editor: User
const as: Record<'author' | 'reviewer' | 'editor', RestClient> = {} as never
const anonymous = new RestClient()

beforeAll(async () => {
  payload = await testPayload()
  author = await createUser(payload, ['author'])
  editor = await createUser(payload, ['editor'], 'Eda Editor')
  const reviewer = await createUser(payload, ['reviewer'])
  as.author = await RestClient.login(author.email, PASSWORD)
  as.reviewer = await RestClient.login(reviewer.email, PASSWORD)
  as.editor = await RestClient.login(editor.email, PASSWORD)
})

const MARKER = `Unreviewed draft text ${Date.now()}`

/** A submitted draft whose text is `MARKER`. */
async function draftArticle(): Promise<number> {
  const ref = await createCitation(payload, { title: 'A trial' })
  const res = await as.author.post('/articles?draft=true', {
    title: `Can an outside clinician see this draft? ${Date.now()}`,
    body: `${MARKER} [@${ref.key}].`,
    authors: [author.id],
    citations: [ref.id],
  })
  expect(res.status).toBe(201)
  return res.body.doc.id
}

/** The path (after /api) and token of a link the editor made. */
async function share(article: number, terms: Record<string, unknown> = {}) {
  const res = await as.editor.post('/preview-links/new', {
    article,
    recipient: 'Dr Olu Outside, cardiology',
    ...terms,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const url = new URL(res.body.url as string)
  return { path: url.pathname.replace(/^\/api/, ''), link: res.body.link }
}

const open = (path: string, form?: Record<string, string>) =>
  anonymous.raw(form ? 'POST' : 'GET', path, {
    headers: form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {},
    body: form ? new URLSearchParams(form).toString() : undefined,
  })

const eventsOf = async (article: number) =>
  (
    await payload.find({
      collection: 'reviews',
      where: { article: { equals: article } },
      sort: 'at',
      pagination: false,
    })
  ).docs

describe('preview links for reviewers without an account', () => {
  it('only an editor makes one; the link shows the page of that revision and no session', async () => {
    const article = await draftArticle()
    expect(
      (await as.author.post('/preview-links/new', { article, recipient: 'A friend' })).status,
    ).toBe(403)
    expect((await anonymous.post('/preview-links/new', { article, recipient: 'x' })).status).toBe(
      403,
    )
    const { path, link } = await share(article)
    expect(link).not.toHaveProperty('tokenHash')
    // Nobody, editors included, reads a link's hashes back through the API.
    const listed = await as.editor.get(`/preview-links/${link.id}`)
    expect(listed.status).toBe(200)
    expect(listed.body).not.toHaveProperty('tokenHash')
    expect(listed.body).not.toHaveProperty('passwordHash')
    expect((await as.author.get(`/preview-links/${link.id}`)).status).not.toBe(200)

    const page = await open(path)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('set-cookie')).toBeNull()
    expect(page.text).toContain(MARKER)
    expect(page.text).toContain('Comment on this draft')
    expect(page.text).toContain(CAUTION_TEXT)
    // The draft itself stays closed to the same visitor everywhere else.
    expect((await anonymous.get(`/articles/${article}?draft=true`)).status).not.toBe(200)
    expect(JSON.stringify((await anonymous.get('/articles?draft=true')).body)).not.toContain(MARKER)

    // An edit after sharing is not shown: the link names the revision it was made for.
    await as.author.patch(`/articles/${article}?draft=true`, { body: `Rewritten [@x].` })
    expect((await open(path)).text).toContain(MARKER)
    expect((await payload.findByID({ collection: 'preview-links', id: link.id })).uses).toBe(2)

    const events = await eventsOf(article)
    expect(events.map((e) => e.type)).toEqual([
      'preview_link_created',
      'preview_opened',
      'preview_opened',
    ])
    expect(events[0]).toMatchObject({ actorName: 'Eda Editor' })
    expect(events[0]!.comment).toContain('For Dr Olu Outside, cardiology, until')
    expect(events[1]).toMatchObject({ actor: null, actorName: 'Dr Olu Outside, cardiology' })
  })

  it('shows a link to the approved, live revision as approved, without the caution banner', async () => {
    const article = await draftArticle()
    await approveThroughWorkflow(article, as.author, as.reviewer)
    const { path } = await share(article)
    const page = await open(path)
    expect(page.status).toBe(200)
    expect(page.text).toContain(MARKER)
    expect(page.text).not.toContain(CAUTION_TEXT)
    // A newer draft is another revision: a link to it is pending review again.
    await as.author.patch(`/articles/${article}?draft=true`, { summary: 'A newer draft.' })
    const newer = await open((await share(article)).path)
    expect(newer.text).toContain(CAUTION_TEXT)
  })

  it('takes a comment under a name and email the editor sees, never published', async () => {
    const article = await draftArticle()
    const { path } = await share(article)
    const refused = await open(path, {
      intent: 'comment',
      name: 'Dr Olu',
      email: 'not-an-email',
      comment: 'x',
    })
    expect(refused.status).toBe(400)
    const sent = await open(path, {
      intent: 'comment',
      name: 'Dr Olu Outside',
      email: 'olu@clinic.example',
      comment: 'The dose in paragraph 2 is for adults only.',
    })
    expect(sent.status).toBe(200)
    expect(sent.text).toContain('your comment was sent')
    const status = await as.editor.get(`/articles/${article}/workflow`)
    const comment = status.body.history.find((e: { type: string }) => e.type === 'preview_comment')
    expect(comment).toMatchObject({ comment: 'The dose in paragraph 2 is for adults only.' })
    const [stored] = (await eventsOf(article)).filter((e) => e.type === 'preview_comment')
    expect(stored).toMatchObject({
      actor: null,
      actorName: 'Dr Olu Outside',
      actorCredentials: expect.stringContaining('olu@clinic.example'),
    })
  })

  it('asks for its password, refuses a wrong one, and stops at its use limit', async () => {
    const article = await draftArticle()
    const { path } = await share(article, { password: 'heart-valve-42', maxUses: 1 })
    const asked = await open(path)
    expect(asked.status).toBe(401)
    expect(asked.text).toContain('enter the password')
    expect(asked.text).not.toContain(MARKER)
    const wrong = await open(path, { password: 'guess-guess' })
    expect(wrong.status).toBe(403)
    expect(wrong.text).not.toContain(MARKER)
    const right = await open(path, { password: 'heart-valve-42' })
    expect(right.status).toBe(200)
    expect(right.text).toContain(MARKER)
    const again = await open(path, { password: 'heart-valve-42' })
    expect(again.status).toBe(410)
    expect(again.text).toContain('opened the 1 time it allows')
  })

  it('is refused once it expires or is withdrawn, and an unknown token finds nothing', async () => {
    const article = await draftArticle()
    const expiring = await share(article, { days: 1 })
    await payload.update({
      collection: 'preview-links',
      id: expiring.link.id,
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    const expired = await open(expiring.path)
    expect(expired.status).toBe(410)
    expect(expired.text).toContain('has expired')
    expect(expired.text).not.toContain(MARKER)

    const revoked = await share(article)
    expect((await open(revoked.path)).status).toBe(200)
    expect((await as.author.post(`/preview-links/${revoked.link.id}/revoke`)).status).toBe(403)
    const revokeRes = await as.editor.post(`/preview-links/${revoked.link.id}/revoke`)
    expect(revokeRes.status, JSON.stringify(revokeRes.body)).toBe(200)
    const gone = await open(revoked.path)
    expect(gone.status).toBe(410)
    expect(gone.text).toContain('withdrawn')
    expect((await eventsOf(article)).map((e) => e.type)).toContain('preview_link_revoked')

    expect((await open('/preview-links/open/not-a-real-token')).status).toBe(404)
    // Links cannot be made, changed or deleted through the collection's own API.
    expect(
      (await as.editor.patch(`/preview-links/${revoked.link.id}`, { revokedAt: null })).status,
    ).toBe(403)
    expect((await as.editor.delete(`/preview-links/${revoked.link.id}`)).status).toBe(403)
  })
})
