import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { type Browser, chromium } from '@playwright/test'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteSetting, User } from '../payload-types'
import { exportSite } from '../src/publish/build'
import { publishSite } from '../src/publish/publishSite'
import { XSS_CORPUS, XSS_LITERAL } from '../src/markdown/testing'
import { createCitation, createUser, PASSWORD, unique } from './helpers/fixtures'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'
import { serveFolder } from '../e2e/serveFolder'
import { testPayload } from './helpers/payload'
import { approveThroughWorkflow, RestClient } from './helpers/rest'

/**
 * The XSS corpus through every field a person controls that reaches a published page, rendered by
 * the real publisher and loaded in Chromium: no payload may run (no dialog opens, no marker is
 * set), whatever field it came through.
 */
const PAYLOADS = [
  ...XSS_CORPUS,
  ...XSS_LITERAL,
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
]

let payload: Payload
let root: string
let browser: Browser
let settingsBefore: SiteSetting
const slugs: string[] = []

beforeAll(async () => {
  payload = await testPayload()
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'xss-it-'))
  settingsBefore = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  // What editors write in the settings reaches every page too.
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      disclaimer: `For healthcare professionals. ${PAYLOADS[0]} ${PAYLOADS[5]}`,
      editorialPolicy: `## Policy\n\n${PAYLOADS.slice(0, 10).join('\n\n')}`,
      publishPolicy: 'approved-only',
    },
  })
  const reviewerUser = await createUser(payload, ['reviewer'])
  const asReviewer = await RestClient.login(reviewerUser.email, PASSWORD)
  // Six payloads per article: each field holds them all (Markdown ones a paragraph each).
  const groups = Array.from({ length: Math.ceil(PAYLOADS.length / 6) }, (_, g) =>
    PAYLOADS.slice(g * 6, g * 6 + 6),
  )
  for (const [i, group] of groups.entries()) {
    const inline = group.join(' ')
    const blocks = group.join('\n\n')
    // A person's public profile, a reference's fields, and every field of the article.
    const author: User = await createUser(payload, ['author'], `${inline} ${i}`)
    await payload.update({
      collection: 'users',
      id: author.id,
      data: { credentials: inline, specialty: inline, bio: blocks, disclosures: blocks },
    })
    const citation = await createCitation(payload, {
      title: `${inline} title`,
      containerTitle: inline,
      publisher: inline,
      note: inline,
      authors: group.map((evil) => ({ family: evil, given: evil })),
      issued: { year: 2021 },
    })
    const asAuthor = await RestClient.login(author.email, PASSWORD)
    const created = await asAuthor.post('/articles?draft=true', {
      title: `Is ${inline} safe (${unique()})?`,
      summary: inline,
      topics: [...group, `Topic ${i}`],
      body: `## Answer\n\n${blocks}\n\nYes [@${citation.key}].`,
      variants: [
        {
          audience: 'patient',
          title: `${inline}?`,
          summary: inline,
          body: `${blocks}\n\nYes [@${citation.key}].`,
        },
      ],
      authors: [author.id],
      citations: [citation.id],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    await approveThroughWorkflow(id, asAuthor, asReviewer, inline)
    slugs.push(created.body.doc.slug)
  }
  // The reviewer's own profile is on every page they approved and on the advisory board page.
  await payload.update({
    collection: 'users',
    id: reviewerUser.id,
    data: { name: `Dr ${PAYLOADS[0]}`, credentials: PAYLOADS[4], bio: PAYLOADS[7] },
  })
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  })
}, 600_000)

afterAll(async () => {
  const { disclaimer, editorialPolicy, publishPolicy } = settingsBefore
  await payload.updateGlobal({
    slug: 'site-settings',
    data: { disclaimer, editorialPolicy, publishPolicy },
  })
  await browser?.close()
  await fs.rm(root, { recursive: true, force: true })
})

describe('hostile input in every field', () => {
  it(`runs no script on any published page (${PAYLOADS.length} payloads)`, async () => {
    const site = path.join(root, 'site')
    const report = await publishSite(payload, {
      root: site,
      baseUrl: 'https://answers.example.org',
      rendererVersion: 'xss',
    })
    for (const slug of slugs) expect(report.published, slug).toContain(slug)
    const out = path.join(root, 'export')
    await exportSite(site, out)
    const server = await serveFolder(out)
    const { url } = server
    try {
      const pages = [
        '/',
        '/advisory-board/',
        '/editorial-policy/',
        ...slugs.flatMap((slug) => [`/articles/${slug}/`, `/articles/${slug}/history/`]),
        ...(await fs.readdir(path.join(out, 'topics'))).map((t) => `/topics/${t}/`),
      ]
      const context = await browser.newContext()
      const fired: string[] = []
      const page = await context.newPage()
      let address = ''
      page.on('dialog', (dialog) => {
        fired.push(`${address}: ${dialog.type()} ${dialog.message()}`)
        void dialog.dismiss()
      })
      // The detector itself: a page that does run a script is caught.
      address = 'self-check'
      await page.setContent('<script>alert("self-check")</script>')
      expect(fired).toEqual(['self-check: alert self-check'])
      fired.length = 0
      for (address of pages) {
        await page.goto(url + address, { waitUntil: 'load' })
        // The patient version too: the audience switch shows the other variant.
        const audiences = page.locator('input[name="audience"]')
        if ((await audiences.count()) > 1) await audiences.last().check()
        const marked = await page.evaluate(() => (window as { __xss?: unknown }).__xss)
        if (marked !== undefined) fired.push(`${address}: window.__xss was set`)
      }
      await context.close()
      expect(fired).toEqual([])
      expect(pages.length).toBeGreaterThan(slugs.length * 2)
    } finally {
      await server.close()
    }
  }, 600_000)
})
