import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../payload-types'
import { createArticle, createCitation, createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
let author: User
let reviewer: User
let editor: User
let admin: User
let asAuthor: RestClient
let asReviewer: RestClient
let asEditor: RestClient
const anonymous = new RestClient()

/** The field errors of a refused REST write, as `path: message`. */
function fieldErrors(body: any): string[] {
  return (body.errors ?? []).flatMap((e: any) =>
    (e.data?.errors ?? [{ path: '', message: e.message }]).map(
      (f: any) => `${f.path}: ${f.message}`,
    ),
  )
}

beforeAll(async () => {
  payload = await testPayload()
  ;[author, reviewer, editor, admin] = await Promise.all([
    createUser(payload, ['author']),
    createUser(payload, ['reviewer']),
    createUser(payload, ['editor']),
    createUser(payload, ['admin']),
  ])
  ;[asAuthor, asReviewer, asEditor] = await Promise.all([
    RestClient.login(author.email, PASSWORD),
    RestClient.login(reviewer.email, PASSWORD),
    RestClient.login(editor.email, PASSWORD),
  ])
})

describe('users', () => {
  it('requires a name and gives a profile slug made from it', async () => {
    await expect(
      payload.create({
        collection: 'users',
        data: {
          email: `noname-${unique()}@test.example`,
          password: PASSWORD,
          roles: ['author'],
        } as never,
      }),
    ).rejects.toThrow(/name/i)
    const user = await createUser(payload, ['reviewer'], 'Dr. Ana María Ñúñez')
    expect(user.slug).toBe('dr-ana-maria-nunez')
  })

  it('refuses an ORCID iD with a wrong check digit and keeps a valid one', async () => {
    const res = await asAuthor.patch(`/users/${author.id}`, { orcid: '0000-0002-1825-0098' })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).join()).toMatch(/orcid: Invalid ORCID iD "0000-0002-1825-0098"/)
    const ok = await asAuthor.patch(`/users/${author.id}`, { orcid: '0000-0002-1825-0097' })
    expect(ok.status).toBe(200)
    expect((await payload.findByID({ collection: 'users', id: author.id })).orcid).toBe(
      '0000-0002-1825-0097',
    )
  })

  it('lets nobody but an admin change roles', async () => {
    const res = await asAuthor.patch(`/users/${author.id}`, { roles: ['admin'] })
    expect(res.status).toBe(200) // a denied field is dropped silently: read back what was stored
    expect((await payload.findByID({ collection: 'users', id: author.id })).roles).toEqual([
      'author',
    ])

    const asAdmin = await RestClient.login(admin.email, PASSWORD)
    const promoted = await asAdmin.patch(`/users/${author.id}`, { roles: ['author', 'reviewer'] })
    expect(promoted.status).toBe(200)
    expect((await payload.findByID({ collection: 'users', id: author.id })).roles).toEqual([
      'author',
      'reviewer',
    ])
    await asAdmin.patch(`/users/${author.id}`, { roles: ['author'] })
  })

  it('signs in after a mistyped password (the attempt counter is reset)', async () => {
    const user = await createUser(payload, ['author'])
    const client = new RestClient()
    expect(
      (await client.post('/users/login', { email: user.email, password: 'wrong' })).status,
    ).toBe(401)
    expect(
      (await client.post('/users/login', { email: user.email, password: PASSWORD })).status,
    ).toBe(200)
    expect(
      (await client.post('/users/login', { email: user.email, password: PASSWORD })).status,
    ).toBe(200)
  })

  it('lets a user edit only their own profile, and shows anonymous callers nothing', async () => {
    const res = await asAuthor.patch(`/users/${reviewer.id}`, { bio: 'hijacked' })
    expect(res.status).toBe(403)
    expect(
      (await payload.findByID({ collection: 'users', id: reviewer.id })).bio ?? null,
    ).toBeNull()
    expect((await anonymous.get('/users')).status).toBe(403)
  })
})

describe('citations', () => {
  it('requires a key and a title', async () => {
    const res = await asAuthor.post('/citations', { type: 'article-journal' })
    expect(res.status).toBe(400)
    const errors = fieldErrors(res.body).join('\n')
    expect(errors).toMatch(/^key:/m)
    expect(errors).toMatch(/^title:/m)
  })

  it('refuses a duplicate key', async () => {
    const first = await createCitation(payload)
    const res = await asAuthor.post('/citations', {
      key: first.key,
      type: 'article-journal',
      title: 'Another',
    })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).join()).toMatch(/key/)
    expect(
      (await payload.count({ collection: 'citations', where: { key: { equals: first.key } } }))
        .totalDocs,
    ).toBe(1)
  })

  it.each([
    ['doi', 'https://doi.org/not-a-doi', /doi: "not-a-doi" is not valid: .*10\.1234\/abc/],
    ['doi', '10.abc/short', /doi: /],
    ['pmid', 'PMID12345', /pmid: .*1 to 8 digits/],
    ['pmcid', 'PMC-12', /pmcid: .*PMC followed by digits/],
    ['isbn', '978-1-264-26850-5', /isbn: .*check digit/],
    ['url', 'javascript:alert(1)', /url: .*http\(s\) address/],
    ['csl', { DOI: '10.1/x' }, /csl: "DOI" has a field of its own/],
    ['csl', ['ISSN'], /csl: .*JSON object/],
  ])('refuses a malformed %s (%j)', async (field, value, message) => {
    const key = `bad-${unique()}`
    const res = await asAuthor.post('/citations', {
      key,
      type: 'article-journal',
      title: 'T',
      [field]: value,
    })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).join()).toMatch(message)
    expect(
      (await payload.count({ collection: 'citations', where: { key: { equals: key } } })).totalDocs,
    ).toBe(0)
  })

  it('cleans identifiers pasted with a resolver or label instead of refusing them', async () => {
    const res = await asAuthor.post('/citations', {
      key: `pasted-${unique()}`,
      type: 'article-journal',
      title: 'T',
      doi: ' https://doi.org/10.1056/NEJMoa2034577 ',
      pmid: 'PMID: 33301246',
      pmcid: '7745181',
      isbn: 'ISBN 978-1-264-26850-4',
      url: ' https://example.org/paper ',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const stored = await payload.findByID({ collection: 'citations', id: res.body.doc.id })
    expect(stored).toMatchObject({
      doi: '10.1056/NEJMoa2034577',
      pmid: '33301246',
      pmcid: 'PMC7745181',
      isbn: '9781264268504',
      url: 'https://example.org/paper',
    })
    const edited = await asAuthor.patch(`/citations/${stored.id}`, { doi: 'doi:10.1/x' })
    expect(edited.status).toBe(200)
    expect(edited.body.doc.doi).toBe('10.1/x')
  })

  it('accepts well-formed identifiers', async () => {
    const res = await asAuthor.post('/citations', {
      key: `good-${unique()}`,
      type: 'article-journal',
      title: 'T',
      doi: '10.1016/j.jbo.2021.100001',
      pmid: '12345678',
      url: 'https://example.org/paper',
    })
    expect(res.status).toBe(201)
  })

  it('lets only reviewers verify, records who did, and clears it when the data changes', async () => {
    const byAuthor = await asAuthor.post('/citations', {
      key: `v-${unique()}`,
      type: 'book',
      title: 'T',
      verified: true,
    })
    expect(byAuthor.status).toBe(201)
    expect(byAuthor.body.doc.verified).toBe(false)

    const id = byAuthor.body.doc.id
    const verified = await asReviewer.patch(`/citations/${id}`, { verified: true })
    expect(verified.status).toBe(200)
    let stored = await payload.findByID({ collection: 'citations', id, depth: 0 })
    expect(stored.verified).toBe(true)
    expect(stored.verifiedBy).toBe(reviewer.id)
    expect(stored.verifiedAt).toBeTruthy()

    await asAuthor.patch(`/citations/${id}`, { verified: true, title: 'T (corrected)' })
    stored = await payload.findByID({ collection: 'citations', id, depth: 0 })
    expect(stored.title).toBe('T (corrected)')
    expect(stored.verified).toBe(false)
    expect(stored.verifiedBy ?? null).toBeNull()

    // Any CSL field counts, the ones kept in `csl` too; the same data written again does not.
    await asReviewer.patch(`/citations/${id}`, { verified: true, csl: { ISSN: '1533-4406' } })
    await asAuthor.patch(`/citations/${id}`, { csl: { ISSN: '1533-4406' } })
    expect((await payload.findByID({ collection: 'citations', id })).verified).toBe(true)
    await asAuthor.patch(`/citations/${id}`, { csl: { ISSN: '0028-4793' } })
    stored = await payload.findByID({ collection: 'citations', id, depth: 0 })
    expect(stored.csl).toEqual({ ISSN: '0028-4793' })
    expect(stored.verified).toBe(false)
  })
})

describe('articles', () => {
  it('requires a question, a body and an author (an author starting one is its first author)', async () => {
    const own = await asAuthor.post('/articles?draft=true', {
      title: `Mine ${unique()}?`,
      body: 'Text',
    })
    expect(own.status).toBe(201)
    expect(own.body.doc.authors.map((a: any) => a.id ?? a)).toEqual([author.id])

    const res = await asEditor.post('/articles?draft=true', { summary: 'no title' })
    expect(res.status).toBe(400)
    const errors = fieldErrors(res.body).join('\n')
    expect(errors).toMatch(/^title:/m)
    expect(errors).toMatch(/^body:/m)
    expect(errors).toMatch(/^authors:/m)
  })

  it('is started by authors (listing themselves) and staff, not by reviewers', async () => {
    const data = { title: `Who may ask ${unique()}?`, body: 'Text', authors: [author.id] }
    expect((await asReviewer.post('/articles?draft=true', data)).status).toBe(403)
    const other = await createUser(payload, ['author'])
    const forOther = await asAuthor.post('/articles?draft=true', { ...data, authors: [other.id] })
    expect(forOther.status).toBe(403)
    expect(forOther.body.errors[0].message).toMatch(/List yourself as an author/)
    expect(
      (await asEditor.post('/articles?draft=true', { ...data, authors: [other.id] })).status,
    ).toBe(201)
  })

  it('makes the slug from the question and refuses a duplicate or malformed slug', async () => {
    const citation = await createCitation(payload)
    const article = await createArticle(payload, author, citation, {
      title: `Is ALP low in myeloma ${unique()}?`,
    })
    expect(article.slug).toMatch(/^is-alp-low-in-myeloma-[a-z0-9]+$/)

    const dup = await asAuthor.post('/articles?draft=true', {
      title: 'Another question?',
      slug: article.slug,
      body: 'Text',
      authors: [author.id],
    })
    expect(dup.status).toBe(400)
    expect(fieldErrors(dup.body).join()).toMatch(/slug/)

    const bad = await asAuthor.post('/articles?draft=true', {
      title: 'Another question?',
      slug: 'Not A Slug',
      body: 'Text',
      authors: [author.id],
    })
    expect(bad.status).toBe(400)
    expect(fieldErrors(bad.body).join()).toMatch(/slug: Invalid slug "Not A Slug"/)
  })

  it('keeps the workflow fields out of reach of plain updates', async () => {
    const citation = await createCitation(payload)
    const article = await createArticle(payload, author, citation)
    const res = await asAuthor.patch(`/articles/${article.id}?draft=true`, {
      state: 'approved',
      reviewers: [reviewer.id],
      approval: { hash: 'f'.repeat(64), approvedBy: reviewer.id },
    })
    expect(res.status).toBe(200)
    const stored = await payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      depth: 0,
    })
    expect(stored.state).toBe('draft')
    expect(stored.reviewers ?? []).toEqual([])
    expect(stored.approval?.hash ?? null).toBeNull()
  })

  it('shows anonymous readers no drafts, with or without ?draft=true', async () => {
    const citation = await createCitation(payload)
    const article = await createArticle(payload, author, citation)
    for (const path of [`/articles/${article.id}`, `/articles/${article.id}?draft=true`]) {
      const res = await anonymous.get(path)
      expect([403, 404]).toContain(res.status)
      expect(JSON.stringify(res.body)).not.toContain(article.title)
    }
    const list = await anonymous.get(`/articles?draft=true&where[id][equals]=${article.id}`)
    expect(list.body.docs ?? []).toEqual([])
  })
})

describe('reviews (the audit trail)', () => {
  it('cannot be created, changed or deleted through the API', async () => {
    const citation = await createCitation(payload)
    const article = await createArticle(payload, author, citation)
    const created = await asEditor.post('/reviews', {
      article: article.id,
      type: 'approve',
      at: new Date().toISOString(),
    })
    expect(created.status).toBe(403)

    const event = await payload.create({
      collection: 'reviews',
      data: {
        article: article.id,
        type: 'comment',
        at: new Date().toISOString(),
        comment: 'original',
      },
    })
    expect((await asEditor.patch(`/reviews/${event.id}`, { comment: 'rewritten' })).status).toBe(
      403,
    )
    expect((await asEditor.delete(`/reviews/${event.id}`)).status).toBe(403)
    // Not even server code with access overridden may rewrite history.
    await expect(
      payload.update({ collection: 'reviews', id: event.id, data: { comment: 'rewritten' } }),
    ).rejects.toThrow(/append-only/)
    await expect(payload.delete({ collection: 'reviews', id: event.id })).rejects.toThrow(
      /append-only/,
    )
    expect((await payload.findByID({ collection: 'reviews', id: event.id })).comment).toBe(
      'original',
    )
  })
})

describe('site settings', () => {
  it('are changed by editors only and validated', async () => {
    expect((await anonymous.get('/globals/site-settings')).status).toBe(403)
    const byAuthor = await asAuthor.request('POST', '/globals/site-settings', {
      siteName: 'Hijacked',
    })
    expect(byAuthor.status).toBe(403)

    const bad = await asEditor.request('POST', '/globals/site-settings', {
      reviewIntervalMonths: 0,
    })
    expect(bad.status).toBe(400)
    expect(fieldErrors(bad.body).join()).toMatch(/reviewIntervalMonths/)

    const before = await payload.findGlobal({ slug: 'site-settings' })
    const ok = await asEditor.request('POST', '/globals/site-settings', { reviewIntervalMonths: 6 })
    expect(ok.status).toBe(200)
    expect((await payload.findGlobal({ slug: 'site-settings' })).reviewIntervalMonths).toBe(6)
    await payload.updateGlobal({
      slug: 'site-settings',
      data: { reviewIntervalMonths: before.reviewIntervalMonths },
    })
  })
})
