import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../payload-types'
import { CONTEXT_LENGTH } from '../src/comments'
import { revisionHash } from '../src/content/articleContent'
import { currentBuild } from '../src/publish/build'
import { publishSite } from '../src/publish/publishSite'
import { readSiteFile } from '../src/publish/staticFiles'
import { act, articleIn, type Cast, createCast } from './helpers/cast'
import { createUser, PASSWORD, unique } from './helpers/fixtures'
import { mailTo, waitForMail } from './helpers/mailbox'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
let cast: Cast
let stranger: RestClient
let strangerEmail: string
let root: string

const FIRST = 'Low alkaline phosphatase is not a recognised marker of multiple myeloma'
const SECOND = 'Lytic lesions are usually seen with a normal ALP.'
const BODY = (citationKey: string) =>
  `## Answer\n\n${FIRST} [@${citationKey}].\n\n${SECOND} Osteoblast activity is suppressed.\n\nRepeat the test after three months.`

beforeAll(async () => {
  payload = await testPayload()
  cast = await createCast(payload)
  const other = await createUser(payload, ['author'])
  stranger = await RestClient.login(other.email, PASSWORD)
  strangerEmail = other.email
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'comments-it-'))
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

const anchorFor = (text: string, passage: string, field = 'body') => {
  const start = text.indexOf(passage)
  if (start < 0) throw new Error(`${passage} is not in the text`)
  return { field, start, end: start + passage.length, exact: passage }
}
const list = (client: RestClient, id: Article['id']) => client.get(`/articles/${id}/comments`)
const post = (client: RestClient, id: Article['id'], body: unknown) =>
  client.post(`/articles/${id}/comments`, body)
const storedComments = async (id: Article['id']) =>
  (
    await payload.find({
      collection: 'comments',
      where: { article: { equals: id } },
      sort: 'at',
      depth: 0,
      pagination: false,
    })
  ).docs

describe('anchored review comments', () => {
  let article: Article
  let first: number | string
  let second: number | string
  const secret = `Which assay was used here (${unique()})?`

  it('the reviewer comments on two passages; the anchors store the quote, its context and the revision', async () => {
    article = await articleIn(payload, cast, 'under_review', { body: BODY(cast.citation.key) })
    const body = article.body
    const one = await post(cast.as.reviewer, article.id, {
      kind: 'comment',
      body: `${secret} @${cast.people.coAuthor.email.toUpperCase()} do you know?`,
      anchor: anchorFor(body, FIRST),
    })
    expect(one.status, JSON.stringify(one.body)).toBe(201)
    expect(one.body.mentions.notified).toEqual([cast.people.coAuthor.email.toLowerCase()])
    first = one.body.comment.id
    const two = await post(cast.as.reviewer, article.id, {
      kind: 'comment',
      body: `Cite a source for this. @${strangerEmail} wrote on this once.`,
      anchor: anchorFor(body, SECOND),
    })
    expect(two.status, JSON.stringify(two.body)).toBe(201)
    // An author of other articles may not read this draft: mentioned, but not told.
    expect(two.body.mentions).toEqual({ notified: [], notNotified: [strangerEmail] })
    second = two.body.comment.id

    const stored = await storedComments(article.id)
    expect(stored).toHaveLength(2)
    const start = body.indexOf(FIRST)
    const withCitations = await payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      depth: 1,
    })
    expect(stored[0]).toMatchObject({
      kind: 'comment',
      author: cast.people.reviewer.id,
      authorName: cast.people.reviewer.name,
      body: `${secret} @${cast.people.coAuthor.email.toUpperCase()} do you know?`,
      contentHash: revisionHash(withCitations),
      anchor: {
        field: 'body',
        exact: FIRST,
        prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start),
        suffix: body.slice(start + FIRST.length, start + FIRST.length + CONTEXT_LENGTH),
        start,
        end: start + FIRST.length,
      },
    })
  })

  it('emails the person mentioned, with the passage', async () => {
    const mail = await waitForMail((m) => m.to.includes(cast.people.coAuthor.email.toLowerCase()))
    expect(mail.subject).toContain('mentioned you')
    expect(mail.text).toContain(FIRST)
    expect(mail.text).toContain(secret)
    expect(mailTo(strangerEmail)).toEqual([])
  })

  it('refuses a selection of text the saved revision does not have, or outside it', async () => {
    const stale = await post(cast.as.reviewer, article.id, {
      kind: 'comment',
      body: 'Stale.',
      anchor: {
        ...anchorFor(article.body, FIRST),
        exact: 'Something else entirely, typed meanwhile',
      },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].data.because).toBe('quote_mismatch')
    const outside = await post(cast.as.reviewer, article.id, {
      kind: 'comment',
      body: 'Outside.',
      anchor: { field: 'body', start: 0, end: 10_000, exact: 'x' },
    })
    expect(outside.status).toBe(400)
    expect(outside.body.errors[0].data.because).toBe('range_invalid')
    const empty = await post(cast.as.reviewer, article.id, {
      kind: 'comment',
      body: '   ',
      anchor: anchorFor(article.body, SECOND),
    })
    expect(empty.status).toBe(400)
    expect(await storedComments(article.id)).toHaveLength(2)
  })

  it('is never readable anonymously or by an author of another article, and never changed or deleted', async () => {
    expect((await list(cast.as.anonymous, article.id)).status).toBe(401)
    expect(
      (await post(cast.as.anonymous, article.id, { kind: 'reply', thread: first, body: 'hi' }))
        .status,
    ).toBe(401)
    expect((await list(stranger, article.id)).status).toBe(404)
    expect(
      (await post(stranger, article.id, { kind: 'reply', thread: first, body: 'hi' })).status,
    ).toBe(404)
    for (const client of [cast.as.anonymous, stranger]) {
      const seen = await client.get(`/comments?where[article][equals]=${article.id}`)
      expect(seen.body.docs ?? []).toEqual([])
      expect((await client.get(`/comments/${first}`)).status).toBeGreaterThanOrEqual(401)
    }
    // Through the collection's own API nobody writes, the editor included.
    for (const client of [cast.as.editor, cast.as.reviewer, cast.as.author]) {
      expect((await client.patch(`/comments/${first}`, { body: 'rewritten' })).status).toBe(403)
      expect((await client.delete(`/comments/${first}`)).status).toBe(403)
      expect(
        (
          await client.post('/comments', {
            article: article.id,
            kind: 'comment',
            body: 'x',
            at: new Date().toISOString(),
          })
        ).status,
      ).toBe(403)
    }
    // Server code cannot change history either.
    await expect(
      payload.update({ collection: 'comments', id: first, data: { body: 'rewritten' } }),
    ).rejects.toThrow(/append-only/)
    await expect(payload.delete({ collection: 'comments', id: first })).rejects.toThrow(
      /append-only/,
    )
    expect((await storedComments(article.id))[0]!.body).toContain(secret)
  })

  it('lets an author, the assigned and another reviewer, and an editor read the threads', async () => {
    for (const who of ['author', 'coAuthor', 'reviewer', 'otherReviewer', 'editor'] as const) {
      const res = await list(cast.as[who], article.id)
      expect(res.status, who).toBe(200)
      expect(
        res.body.threads.map((t: { id: unknown }) => t.id),
        who,
      ).toEqual([first, second])
      expect(res.body.threads[0].attachment, who).toMatchObject({ status: 'attached', exact: true })
      expect(res.body.mayComment, who).toBe(true)
    }
    const byOther = await list(cast.as.otherReviewer, article.id)
    expect(byOther.body.threads.map((t: { mayResolve: boolean }) => t.mayResolve)).toEqual([
      false,
      false,
    ])
  })

  it('lets another reviewer reply but not resolve; a request for changes carries the open comments', async () => {
    const reply = await post(cast.as.otherReviewer, article.id, {
      kind: 'reply',
      thread: first,
      body: 'I agree with the question.',
    })
    expect(reply.status, JSON.stringify(reply.body)).toBe(201)
    const resolve = await post(cast.as.otherReviewer, article.id, {
      kind: 'resolve',
      thread: first,
    })
    expect(resolve.status).toBe(403)
    expect(resolve.body.errors[0].data.because).toBe('may_not_resolve')
    expect(
      (await post(cast.as.reviewer, article.id, { kind: 'reply', thread: 'nope', body: 'x' }))
        .status,
    ).toBe(404)

    const requested = await act(cast.as.reviewer, article.id, 'request_changes', {
      comment: 'See my two comments.',
    })
    expect(requested.status, JSON.stringify(requested.body)).toBe(200)
    const event = await payload.findByID({
      collection: 'reviews',
      id: requested.body.event.id,
      depth: 0,
    })
    expect(event.openComments).toEqual([String(first), String(second)])
  })

  it('after the author edits one passage and deletes the other: one re-attaches, one is outdated', async () => {
    const edited = BODY(cast.citation.key)
      .replace('is not a recognised marker', 'is not an accepted marker')
      .replace(`${SECOND} `, '')
    const saved = await cast.as.author.patch(`/articles/${article.id}?draft=true`, { body: edited })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    const res = await list(cast.as.reviewer, article.id)
    const [one, two] = res.body.threads
    expect(one.id).toBe(first)
    expect(one.attachment).toMatchObject({
      status: 'moved',
      exact: false,
      text: 'Low alkaline phosphatase is not an accepted marker of multiple myeloma',
    })
    expect(edited.slice(one.attachment.start, one.attachment.end)).toBe(one.attachment.text)
    expect(one.replies.map((r: { body: string }) => r.body)).toEqual(['I agree with the question.'])
    expect(two.id).toBe(second)
    expect(two.attachment).toEqual({ status: 'outdated' })
    // Outdated, never dropped: the quote is still there to show.
    expect(two.anchor.exact).toBe(SECOND)
    expect(res.body.lastRequest).toMatchObject({ carried: 2, resolved: 0 })
  })

  it('the author resolves both; after resubmitting the list says they are resolved', async () => {
    for (const thread of [first, second]) {
      const res = await post(cast.as.author, article.id, { kind: 'resolve', thread, body: 'Done.' })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    const twice = await post(cast.as.author, article.id, { kind: 'resolve', thread: first })
    expect(twice.status).toBe(409)
    const submitted = await act(cast.as.author, article.id, 'submit')
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    const res = await list(cast.as.reviewer, article.id)
    expect(res.body.lastRequest).toMatchObject({ carried: 2, resolved: 2, stillOpen: [] })
    expect(
      res.body.threads.map(
        (t: { resolved: { authorName: string } | null }) => t.resolved?.authorName,
      ),
    ).toEqual([cast.people.author.name, cast.people.author.name])
    expect(res.body.threads.every((t: { carried: boolean }) => t.carried)).toBe(true)
    // Resolving appended entries; nothing was changed.
    const stored = await storedComments(article.id)
    expect(stored.map((c) => c.kind)).toEqual(['comment', 'comment', 'reply', 'resolve', 'resolve'])
  })

  it('the published site never contains comment text', async () => {
    const start = await act(cast.as.reviewer, article.id, 'start_review')
    expect(start.status, JSON.stringify(start.body)).toBe(200)
    const approved = await act(cast.as.reviewer, article.id, 'approve')
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    await payload.updateGlobal({
      slug: 'site-settings',
      data: { disclaimer: 'This information is intended for healthcare professionals.' },
    })
    await publishSite(payload, {
      root,
      baseUrl: 'https://answers.example.org',
      rendererVersion: 'test',
      documentsVersion: 'test',
    })
    const build = await currentBuild(root)
    const files: string[] = []
    for await (const [file] of build!.files.entries()) files.push(file)
    const page = files.find((f) => f.includes('articles/') && f.endsWith('.html'))
    expect(page, 'an article page was published').toBeDefined()
    const texts = await Promise.all(files.map((f) => readSiteFile(root, f)))
    const all = texts.join('\n')
    expect(all).toContain('not an accepted marker')
    expect(all).not.toContain(secret)
    expect(all).not.toContain('I agree with the question.')
    expect(all).not.toContain('Cite a source for this.')
    expect(all).not.toContain('wrote on this once')
    expect(mailTo().length).toBeGreaterThan(0)
  })
})
