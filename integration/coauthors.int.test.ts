import fc from 'fast-check'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, Citation, User } from '../payload-types'
import type { WorkflowAction } from '../src/workflow'
import { createCitation, createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
let citation: Citation
let editor: User
let asEditor: RestClient

beforeAll(async () => {
  payload = await testPayload()
  citation = await createCitation(payload)
  editor = await createUser(payload, ['editor'])
  asEditor = await RestClient.login(editor.email, PASSWORD)
  // Approvals queue a publish; publishing needs a disclaimer.
  await payload.updateGlobal({ slug: 'site-settings', data: { disclaimer: 'For professionals.' } })
})

async function newDraft(authors: User[]): Promise<Article> {
  const res = await asEditor.post('/articles?draft=true', {
    title: `Is co-author question ${unique()} answered?`,
    summary: 'A short answer.',
    body: `## Answer\n\nYes, it is [@${citation.key}].`,
    authors: authors.map((a) => a.id),
    citations: [citation.id],
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc
}

/** The editor changes the authors and saves the draft, as in the admin. */
async function setAuthors(id: Article['id'], authors: User[]): Promise<void> {
  const res = await asEditor.patch(`/articles/${id}?draft=true`, {
    authors: authors.map((a) => a.id),
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

const act = (client: RestClient, id: Article['id'], action: WorkflowAction) =>
  client.post(`/articles/${id}/workflow`, { action })

/**
 * Which revision a read returns: the latest (the one an edit would change), an older published
 * one (a reader of a published article with a newer draft), or none.
 */
type Seen = 'latest' | 'published' | 'none'

/** What one person can do with one article, asked through each API. */
interface Access {
  rest: { read: Seen; write: boolean }
  local: { read: Seen; write: boolean }
  graphql: { read: Seen; write: boolean }
}

async function accessOf(user: User, client: RestClient, id: Article['id']): Promise<Access> {
  const latest = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
  const seen = (doc?: { updatedAt?: string } | null): Seen =>
    !doc ? 'none' : doc.updatedAt === latest.updatedAt ? 'latest' : 'published'
  const scoped = { overrideAccess: false, user: { ...user, collection: 'users' as const } }
  const edit = () => ({ summary: `Edited ${unique()}.` })

  // Every read first: each allowed write makes a new latest revision.
  const restRead = await client.get(`/articles/${id}?draft=true&depth=0`)
  const localRead = await payload
    .findByID({ collection: 'articles', id, draft: true, depth: 0, ...scoped })
    .catch(() => null)
  const gqlRead = await client.graphql(
    `query($id: Int!) { Article(id: $id, draft: true) { id updatedAt } }`,
    { id },
  )

  const restWrite = await client.patch(`/articles/${id}?draft=true`, edit())
  const localWrite = await payload
    .update({ collection: 'articles', id, draft: true, data: edit(), ...scoped })
    .then(() => true)
    .catch(() => false)
  const gqlWrite = await client.graphql(
    `mutation($id: Int!, $s: String) { updateArticle(id: $id, draft: true, data: { summary: $s }) { id } }`,
    { id, s: edit().summary },
  )
  return {
    rest: {
      read: seen(restRead.status === 200 ? restRead.body : null),
      write: restWrite.status === 200,
    },
    local: { read: seen(localRead), write: localWrite },
    graphql: {
      read: seen(gqlRead.body.data?.Article),
      write: Boolean(gqlWrite.body.data?.updateArticle?.id),
    },
  }
}

const everywhere = (read: Seen, write: boolean): Access => ({
  rest: { read, write },
  local: { read, write },
  graphql: { read, write },
})

describe('co-authors', () => {
  it('a co-author added to a draft reads and edits it; once removed, neither', async () => {
    const [first, second] = await Promise.all([
      createUser(payload, ['author']),
      createUser(payload, ['author']),
    ])
    const asSecond = await RestClient.login(second.email, PASSWORD)
    const article = await newDraft([first])
    expect(await accessOf(second, asSecond, article.id)).toEqual(everywhere('none', false))

    await setAuthors(article.id, [first, second])
    expect(await accessOf(second, asSecond, article.id)).toEqual(everywhere('latest', true))
    // The admin's list and the edit view agree: the article is theirs in both.
    const list = await asSecond.get(`/articles?draft=true&where[id][equals]=${article.id}`)
    expect(list.body.docs.map((d: Article) => d.id)).toEqual([article.id])

    await setAuthors(article.id, [first])
    expect(await accessOf(second, asSecond, article.id)).toEqual(everywhere('none', false))
    // Nor the review history or the revisions of an article that is no longer theirs.
    const history = await asSecond.get(`/reviews?where[article][equals]=${article.id}`)
    expect(history.body.docs ?? []).toEqual([])
    const versions = await asSecond.get(`/articles/versions?where[parent][equals]=${article.id}`)
    expect(versions.body.docs ?? []).toEqual([])
  })

  it('read and write access agree on every draft and published revision (property)', async () => {
    const authors = await Promise.all([0, 1, 2].map(() => createUser(payload, ['author'])))
    const reviewers = await Promise.all([0, 1].map(() => createUser(payload, ['reviewer'])))
    const clients = new Map<User['id'], RestClient>()
    for (const u of [...authors, ...reviewers])
      clients.set(u.id, await RestClient.login(u.email, PASSWORD))

    const subset = fc.subarray([0, 1, 2], { minLength: 1 }).map((ix) => ix.map((i) => authors[i]!))
    const op = fc.oneof(
      fc.record({ kind: fc.constant('authors' as const), authors: subset }),
      fc.record({
        kind: fc.constant('approve' as const),
        reviewer: fc.integer({ min: 0, max: 1 }),
      }),
    )

    await fc.assert(
      fc.asyncProperty(subset, fc.array(op, { minLength: 1, maxLength: 3 }), async (start, ops) => {
        const article = await newDraft(start)
        let current = start
        let published = false
        // The first review picks the reviewer; a re-review goes to the one assigned.
        let assigned: User | undefined
        for (const step of ops) {
          if (step.kind === 'authors') {
            await setAuthors(article.id, step.authors)
            current = step.authors
          } else {
            const reviewer = (assigned ??= reviewers[step.reviewer]!)
            for (const [client, action] of [
              [asEditor, 'submit'],
              [clients.get(reviewer.id)!, 'start_review'],
              [clients.get(reviewer.id)!, 'approve'],
            ] as const) {
              const res = await act(client, article.id, action)
              expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200)
            }
            published = true
          }
          for (const person of [...authors, ...reviewers]) {
            const client = clients.get(person.id)!
            const isAuthor = current.some((a) => a.id === person.id)
            const isReviewer = reviewers.includes(person)
            const latest = await payload.findByID({
              collection: 'articles',
              id: article.id,
              draft: true,
              depth: 0,
            })
            // Whoever may edit the latest revision may read it, and an author who may read it
            // may edit it; reviewers read every revision and edit none; everyone else reads the
            // published revision only.
            const read: Seen =
              isAuthor || isReviewer || (published && latest._status === 'published')
                ? 'latest'
                : published
                  ? 'published'
                  : 'none'
            expect(await accessOf(person, client, article.id)).toEqual(everywhere(read, isAuthor))
          }
        }
      }),
      { numRuns: 6, endOnFailure: true },
    )
  })
})
