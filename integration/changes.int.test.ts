import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { ArticleChanges } from '../collections/Articles/workflow/changes'
import type { Article, Citation, User } from '../payload-types'
import type { DiffRow, TextDiff } from '../src/diff'
import { createCitation, createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { approveThroughWorkflow, RestClient } from './helpers/rest'

let payload: Payload
let author: User
let reviewer: User
let asAuthor: RestClient
let asReviewer: RestClient
let cited: Citation
let other: Citation

beforeAll(async () => {
  payload = await testPayload()
  author = await createUser(payload, ['author'])
  reviewer = await createUser(payload, ['reviewer'], `Dr Diff Reviewer ${unique()}`)
  asAuthor = await RestClient.login(author.email, PASSWORD)
  asReviewer = await RestClient.login(reviewer.email, PASSWORD)
  cited = await createCitation(payload, {
    title: 'Alkaline phosphatase in myeloma',
    containerTitle: 'Journal of Examples',
    issued: { year: 2021 },
  })
  other = await createCitation(payload, { title: 'Free light chains in practice' })
  // Approvals queue a publish; publishing needs a disclaimer.
  await payload.updateGlobal({ slug: 'site-settings', data: { disclaimer: 'For professionals.' } })
})

const body = () =>
  [
    '## Answer',
    '',
    `Low ALP alongside lytic lesions suggests myeloma [@${cited.key}].`,
    '',
    `Free light chains help confirm it [@${other.key}].`,
  ].join('\n')
const patient = () => `In myeloma, bones break down without being rebuilt [@${cited.key}].`

async function approvedArticle(): Promise<Article['id']> {
  const res = await asAuthor.post('/articles?draft=true', {
    title: `Is low ALP in diff test ${unique()} linked to myeloma?`,
    summary: 'Often, yes.',
    body: body(),
    variants: [{ audience: 'patient', body: patient() }],
    authors: [author.id],
    citations: [cited.id, other.id],
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const id = res.body.doc.id as Article['id']
  await approveThroughWorkflow(id, asAuthor, asReviewer)
  return id
}

const changes = async (client: RestClient, id: Article['id'], since?: string) => {
  const res = await client.get<ArticleChanges>(
    `/articles/${id}/changes${since ? `?since=${since}` : ''}`,
  )
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}
const changed = (diff: TextDiff) =>
  diff.rows
    .filter(
      (r): r is Extract<DiffRow, { kind: 'added' | 'removed' }> =>
        r.kind === 'added' || r.kind === 'removed',
    )
    .map((r) => [r.kind, r.words?.filter((w) => w.changed).map((w) => w.text) ?? r.text])
const act = async (client: RestClient, id: Article['id'], action: string, comment?: string) => {
  const res = await client.post(`/articles/${id}/workflow`, { action, comment })
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200)
}

describe('GET /api/articles/:id/changes', () => {
  it('after approval, an edit of body, variant and a cited reference: exactly those changes', async () => {
    const id = await approvedArticle()
    // Nothing changed yet.
    const none = await changes(asReviewer, id)
    expect(none.diff?.changed).toBe(false)
    expect(none.before).toMatchObject({
      stateLabel: 'Approved',
      references: 'recorded',
      matched: true,
    })

    const edit = await asAuthor.patch(`/articles/${id}?draft=true`, {
      body: body().replace('suggests myeloma', 'strongly suggests multiple myeloma'),
      variants: [{ audience: 'patient', body: patient().replace('break down', 'are broken down') }],
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    const reference = await asAuthor.patch(`/citations/${cited.id}`, {
      title: 'Alkaline phosphatase in multiple myeloma',
      volume: '12',
    })
    expect(reference.status, JSON.stringify(reference.body)).toBe(200)
    await act(asAuthor, id, 'submit')

    const result = await changes(asReviewer, id, 'approval')
    expect(result.since).toBe('approval')
    expect(result.before).toMatchObject({
      state: 'approved',
      references: 'recorded',
      matched: true,
      event: { type: 'approve', label: 'Approved', actor: reviewer.name },
    })
    expect(result.after).toMatchObject({ state: 'submitted', stateLabel: 'Submitted' })
    const diff = result.diff!
    const [main, patientDiff] = diff.documents
    expect(main.audience).toBeNull()
    expect(changed(main.source)).toEqual([
      ['removed', []],
      ['added', ['strongly', 'multiple']],
    ])
    expect(main.title.changed || main.summary.changed).toBe(false)
    expect(patientDiff).toMatchObject({ audience: 'patient', change: 'changed' })
    expect(changed(patientDiff.source)).toEqual([
      ['removed', ['break']],
      ['added', ['are broken']],
    ])
    // The reference edited in the citations collection, field by field; the other is untouched.
    expect(diff.references.unchanged).toBe(1)
    expect(diff.references.changes).toHaveLength(1)
    const [ref] = diff.references.changes
    expect(ref).toMatchObject({ key: cited.key, change: 'changed' })
    expect(ref.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['title', 'Alkaline phosphatase in myeloma', 'Alkaline phosphatase in multiple myeloma'],
      ['volume', null, '12'],
    ])
    // Readers see the new words and the new reference entry.
    if (!('rows' in main.rendered)) throw new Error(main.rendered.unavailable)
    const readers = main.rendered.rows
      .filter((r) => r.kind === 'added')
      .map((r) => 'text' in r && r.text)
    expect(readers).toEqual([
      'Low ALP alongside lytic lesions strongly suggests multiple myeloma [1].',
      expect.stringMatching(/^1\. .*Alkaline phosphatase in multiple myeloma.*12/),
    ])

    // The round: still the approved submission, while the new one is in review.
    const round = await changes(asReviewer, id, 'round')
    expect(round.before).toMatchObject({ event: { type: 'submit' }, matched: true })
    expect(round.diff?.references.changes).toHaveLength(1)
  })

  it('since the last review round: only what changed after the reviewer last looked', async () => {
    const id = await approvedArticle()
    await asAuthor.patch(`/articles/${id}?draft=true`, { summary: 'Usually, yes.' })
    await act(asAuthor, id, 'submit')
    await act(asReviewer, id, 'start_review')
    await act(asReviewer, id, 'request_changes', 'Say which test confirms it.')
    const edit = await asAuthor.patch(`/articles/${id}?draft=true`, {
      body: `${body()}\n\nSerum protein electrophoresis confirms it [@${other.key}].`,
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    await act(asAuthor, id, 'submit')

    const round = await changes(asReviewer, id, 'round')
    expect(round.before).toMatchObject({ event: { type: 'submit' }, stateLabel: 'Submitted' })
    const [main] = round.diff!.documents
    expect(main.summary.changed).toBe(false)
    expect(changed(main.source)).toEqual([
      ['added', ''],
      ['added', `Serum protein electrophoresis confirms it [@${other.key}].`],
    ])

    const approval = await changes(asReviewer, id, 'approval')
    expect(approval.diff!.documents[0].summary.changed).toBe(true)
    expect(approval.diff!.documents[0].source.added).toBe(2)
  })

  it('an article never approved, or on its first round, says so', async () => {
    const res = await asAuthor.post('/articles?draft=true', {
      title: `Is diff test ${unique()} new?`,
      body: `Yes [@${cited.key}].`,
      authors: [author.id],
      citations: [cited.id],
    })
    const id = res.body.doc.id
    await act(asAuthor, id, 'submit')
    expect(await changes(asReviewer, id, 'approval')).toMatchObject({
      none: { because: 'never_approved' },
    })
    expect(await changes(asReviewer, id, 'round')).toMatchObject({
      none: { because: 'no_earlier_round' },
    })
  })

  it('is refused to anonymous callers, to people who cannot read the revisions, and for a bad since', async () => {
    const id = await approvedArticle()
    expect((await new RestClient().get(`/articles/${id}/changes`)).status).toBe(401)
    const stranger = await createUser(payload, ['author'])
    const asStranger = await RestClient.login(stranger.email, PASSWORD)
    expect((await asStranger.get(`/articles/${id}/changes`)).status).toBe(404)
    expect((await asAuthor.get(`/articles/${id}/changes`)).status).toBe(200)
    const bad = await asReviewer.get(`/articles/${id}/changes?since=yesterday`)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data).toMatchObject({ param: 'since' })
  })

  it('an approval recorded before references were kept: matched while the data is unchanged', async () => {
    const id = await approvedArticle()
    const [approval] = (
      await payload.find({
        collection: 'reviews',
        where: { and: [{ article: { equals: id } }, { type: { equals: 'approve' } }] },
        depth: 0,
      })
    ).docs
    // As an event from before the field existed: through the adapter, past the append-only hooks.
    await payload.db.updateOne({
      collection: 'reviews',
      id: approval.id,
      data: { references: null },
    })
    expect((await changes(asReviewer, id)).before).toMatchObject({
      references: 'unchanged',
      matched: true,
    })
    await asAuthor.patch(`/citations/${other.id}`, { title: 'Free light chains in daily practice' })
    const after = await changes(asReviewer, id)
    expect(after.before).toMatchObject({ references: 'current', matched: false })
    // The text is still compared with the approved revision; the reference edit cannot show.
    expect(after.diff!.documents[0].source.changed).toBe(false)
  })
})
