import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Citation, User } from '../payload-types'
import { createCitation, createUser, PASSWORD } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
let author: User
let reviewer: User
let editor: User
const as: Record<'author' | 'reviewer' | 'editor', RestClient> = {} as never

beforeAll(async () => {
  payload = await testPayload()
  author = await createUser(payload, ['author'], 'Dr Vera Author')
  reviewer = await createUser(payload, ['reviewer'], 'Dr Vic Reviewer')
  editor = await createUser(payload, ['editor'])
  as.author = await RestClient.login(author.email, PASSWORD)
  as.reviewer = await RestClient.login(reviewer.email, PASSWORD)
  as.editor = await RestClient.login(editor.email, PASSWORD)
})

/** An article citing `refs`, submitted and under review by `reviewer`. */
async function underReview(refs: Citation[]): Promise<number> {
  const res = await as.author.post('/articles?draft=true', {
    title: `Are references checked before approval? ${Date.now()}`,
    body: refs.map((r) => `A claim [@${r.key}].`).join('\n\n'),
    authors: [author.id],
    citations: refs.map((r) => r.id),
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const id = res.body.doc.id as number
  expect((await as.author.post(`/articles/${id}/workflow`, { action: 'submit' })).status).toBe(200)
  expect(
    (await as.reviewer.post(`/articles/${id}/workflow`, { action: 'start_review' })).status,
  ).toBe(200)
  return id
}

const approve = (id: number) => as.reviewer.post(`/articles/${id}/workflow`, { action: 'approve' })
const eventsOf = async (id: number) =>
  (await payload.find({ collection: 'reviews', where: { article: { equals: id } } })).docs

describe('reference verification is part of review', () => {
  it('is required by default on a new site', async () => {
    const settings = await payload.findGlobal({ slug: 'site-settings' })
    expect(settings.referencePolicy).toBe('require-verified')
  })

  it('refuses approval while a reference is unverified, naming it; changes nothing', async () => {
    const checked = await createCitation(payload, { title: 'Checked' })
    const open = await createCitation(payload, { title: 'Not checked yet', verified: false })
    const id = await underReview([checked, open])
    const status = await as.reviewer.get(`/articles/${id}/workflow`)
    expect(status.body.references).toMatchObject({
      policy: 'require-verified',
      mayVerify: true,
      items: [
        { key: checked.key, verified: true },
        { key: open.key, verified: false },
      ],
    })
    expect(status.body.references.blocking).toContain(`1 of 2 is not verified ([@${open.key}])`)

    const events = (await eventsOf(id)).length
    const refused = await approve(id)
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].data.because).toBe('references_unverified')
    expect(refused.body.errors[0].message).toContain(`[@${open.key}]`)
    const latest = await payload.findByID({ collection: 'articles', id, draft: true })
    expect(latest.state).toBe('under_review')
    expect((await eventsOf(id)).length).toBe(events)

    // The reviewer ticks it: recorded with who and when; then the approval goes through.
    const before = Date.now()
    expect((await as.reviewer.patch(`/citations/${open.id}`, { verified: true })).status).toBe(200)
    const ticked = await payload.findByID({ collection: 'citations', id: open.id, depth: 0 })
    expect(ticked).toMatchObject({ verified: true, verifiedBy: reviewer.id })
    expect(new Date(ticked.verifiedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    const after = await as.reviewer.get(`/articles/${id}/workflow`)
    expect(after.body.references.items[1]).toMatchObject({
      verified: true,
      verifiedBy: 'Dr Vic Reviewer',
    })
    expect(after.body.references.blocking).toBeUndefined()
    const approved = await approve(id)
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  })

  it('is a board member’s or editor’s tick, and is voided when the reference changes', async () => {
    const ref = await createCitation(payload, { title: 'Original title', verified: false })
    // An author cannot tick it: the field keeps its value.
    await as.author.patch(`/citations/${ref.id}`, { verified: true })
    expect((await payload.findByID({ collection: 'citations', id: ref.id })).verified).toBe(false)
    expect((await as.editor.patch(`/citations/${ref.id}`, { verified: true })).status).toBe(200)
    expect((await payload.findByID({ collection: 'citations', id: ref.id })).verifiedBy).toEqual(
      expect.objectContaining({ id: editor.id }),
    )
    // Its data changes: the editor checked the old data, not this.
    expect((await as.author.patch(`/citations/${ref.id}`, { title: 'A new title' })).status).toBe(
      200,
    )
    const changed = await payload.findByID({ collection: 'citations', id: ref.id, depth: 0 })
    expect(changed).toMatchObject({ verified: false, verifiedBy: null, verifiedAt: null })
    const id = await underReview([changed])
    expect((await approve(id)).body.errors[0].data.because).toBe('references_unverified')
  })

  it('only warns when the site is set to warn, and says which were not verified', async () => {
    const open = await createCitation(payload, { title: 'Unchecked', verified: false })
    const id = await underReview([open])
    expect(
      (await as.editor.request('POST', '/globals/site-settings', { referencePolicy: 'warn' }))
        .status,
    ).toBe(200)
    try {
      const status = await as.reviewer.get(`/articles/${id}/workflow`)
      expect(status.body.references).toMatchObject({ policy: 'warn' })
      expect(status.body.references.blocking).toBeUndefined()
      const approved = await approve(id)
      expect(approved.status, JSON.stringify(approved.body)).toBe(200)
      expect(approved.body.warnings).toEqual([
        expect.objectContaining({
          ruleId: 'reference-unverified',
          message: expect.stringContaining(`[@${open.key}] is not verified`),
        }),
      ])
    } finally {
      await payload.updateGlobal({
        slug: 'site-settings',
        data: { referencePolicy: 'require-verified' },
      })
    }
  })
})
