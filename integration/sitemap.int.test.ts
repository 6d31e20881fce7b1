import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../payload-types'
import { publishSite } from '../src/publish/publishSite'
import { readSiteFile } from '../src/publish/staticFiles'
import { createCitation, createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

let payload: Payload
let root: string
const baseUrl = 'https://answers.example.org'

beforeAll(async () => {
  payload = await testPayload()
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'sitemap-it-'))
})
afterAll(async () => {
  await payload.updateGlobal({ slug: 'site-settings', data: { publishPolicy: 'approved-only' } })
  await fs.rm(root, { recursive: true, force: true })
})

async function read(file: string): Promise<string> {
  const text = await readSiteFile(root, file)
  if (text === undefined) throw new Error(`${file} is not in the live build`)
  return text
}

/** The site file a URL under baseUrl is served from. */
const fileOf = (loc: string) => {
  const p = decodeURI(loc.slice(baseUrl.length)).replace(/^\//, '')
  return p === '' || p.endsWith('/') ? `${p}index.html` : p
}
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)

describe('the sitemap', () => {
  it('lists only indexable pages: not a pending article shown with a banner', async () => {
    const [author, reviewer] = await Promise.all([
      createUser(payload, ['author']),
      createUser(payload, ['reviewer']),
    ])
    const asAuthor = await RestClient.login(author.email, PASSWORD)
    const asReviewer = await RestClient.login(reviewer.email, PASSWORD)
    const citation = await createCitation(payload)
    await payload.updateGlobal({
      slug: 'site-settings',
      data: { disclaimer: 'For professionals.', publishPolicy: 'pending-with-banner' },
    })
    const article = async (actions: ('submit' | 'start_review' | 'approve')[]) => {
      const created = await asAuthor.post('/articles?draft=true', {
        title: `Is sitemap case ${unique()} indexable?`,
        summary: 'Perhaps.',
        body: `## Answer\n\nIt depends [@${citation.key}].`,
        authors: [author.id],
        citations: [citation.id],
      })
      const id = created.body.doc.id
      for (const action of actions) {
        const client = action === 'submit' ? asAuthor : asReviewer
        const res = await client.post(`/articles/${id}/workflow`, { action })
        expect(res.status, JSON.stringify(res.body)).toBe(200)
      }
      return payload.findByID({
        collection: 'articles',
        id,
        draft: true,
        depth: 0,
      }) as Promise<Article>
    }
    const approved = await article(['submit', 'start_review', 'approve'])
    const pending = await article(['submit'])

    await publishSite(payload, { root, baseUrl, rendererVersion: 'test', documentsVersion: 'test' })

    // The pending article is on the site, with its banner, and says noindex.
    const pendingPage = await read(`articles/${pending.slug}/index.html`)
    expect(pendingPage).toContain('<meta name="robots" content="noindex"/>')

    const listed: string[] = []
    for (const sitemap of locs(await read('sitemap.xml')))
      listed.push(...locs(await read(fileOf(sitemap))))
    expect(listed).toContain(`${baseUrl}/articles/${approved.slug}/`)
    expect(listed.filter((l) => l.includes(pending.slug))).toEqual([])
    // Every page a sitemap lists may be indexed.
    for (const loc of listed) {
      const html = await read(fileOf(loc))
      expect(html, loc).not.toContain('content="noindex"')
    }
  })
})
