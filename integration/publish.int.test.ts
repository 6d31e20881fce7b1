import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Citation, User } from '../payload-types'
import { publishSite, type PublishOptions } from '../src/publish/publishSite'
import { rendererInputs } from '../src/publish/rendererVersion'
import { ROOT_DIR } from '../src/config/env'
import { currentBuild, rollback, sitePaths } from '../src/publish/build'
import { readSiteFile } from '../src/publish/staticFiles'
import { createCitation, createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { approveThroughWorkflow, RestClient } from './helpers/rest'

let payload: Payload
let author: User
let reviewer: User
let asAuthor: RestClient
let asReviewer: RestClient
let citation: Citation
let root: string
const baseUrl = 'https://answers.example.org'

beforeAll(async () => {
  payload = await testPayload()
  author = await createUser(payload, ['author'])
  reviewer = await createUser(payload, ['reviewer'], `Dr Board ${unique()}`)
  asAuthor = await RestClient.login(author.email, PASSWORD)
  asReviewer = await RestClient.login(reviewer.email, PASSWORD)
  citation = await createCitation(payload, {
    title: 'Alkaline phosphatase in multiple myeloma',
    containerTitle: 'J Bone Oncol',
    issued: { year: 2021 },
    doi: '10.1016/j.jbo.2021.100001',
  })
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      siteName: 'Medical Answers',
      disclaimer: 'This information is intended for healthcare professionals.',
      editorialPolicy: '## How an answer is reviewed\n\nBy a board member who did not write it.',
      publishPolicy: 'approved-only',
    },
  })
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'publish-it-'))
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

const options = (extra: Partial<PublishOptions> = {}): PublishOptions => ({
  root,
  baseUrl,
  rendererVersion: 'test',
  documentsVersion: 'test',
  ...extra,
})

/** A new article taken through review to approval, as its author and a reviewer would. */
async function approvedArticle(body = 'Yes, it is'): Promise<Article> {
  const created = await asAuthor.post('/articles?draft=true', {
    title: `Is low ALP seen in case ${unique()}?`,
    summary: 'Usually yes.',
    body: `## Answer\n\n${body} [@${citation.key}].`,
    authors: [author.id],
    citations: [citation.id],
  })
  const id = created.body.doc.id
  await approveThroughWorkflow(id, asAuthor, asReviewer)
  return payload.findByID({ collection: 'articles', id, depth: 0 })
}

/** A file of the live build, as the server would serve it. */
async function read(file: string): Promise<string> {
  const text = await readSiteFile(root, file)
  if (text === undefined) throw new Error(`${file} is not in the live build`)
  return text
}
const objectOf = async (file: string) => (await (await currentBuild(root))!.files.get(file))?.object

describe('publishing', () => {
  let first: Article

  it('publishes approved articles with every page the site needs', async () => {
    first = await approvedArticle('Yes, low or normal ALP is typical')
    const report = await publishSite(payload, options())
    expect(report.published).toContain(first.slug)
    expect(report.refused.filter((r) => r.slug === first.slug)).toEqual([])
    for (const file of [
      `articles/${first.slug}/index.html`,
      `articles/${first.slug}/history/index.html`,
      'index.html',
      'advisory-board/index.html',
      'editorial-policy/index.html',
      '404.html',
      'sitemap.xml',
      'feed.xml',
      'robots.txt',
      'assets/site.css',
      'assets/site.js',
      'assets/search.js',
      'search/meta.json',
    ]) {
      await expect(read(file), file).resolves.toBeTypeOf('string')
    }
    const page = await read(`articles/${first.slug}/index.html`)
    expect(page).toContain(first.title)
    expect(page).toContain('Yes, low or normal ALP is typical')
    expect(page).toContain('10.1016/j.jbo.2021.100001')
    expect(page).toContain(reviewer.name)
    expect(page).toContain('"@type":"MedicalWebPage"')
    expect(page).not.toContain('pending human review')
    const sitemap = await read('sitemap.xml')
    const shards = [...sitemap.matchAll(/<loc>https:\/\/answers\.example\.org\/([^<]+)<\/loc>/g)]
    const listing = await Promise.all(shards.map(([, file]) => read(file!)))
    expect(listing.join('\n')).toContain(`${baseUrl}/articles/${first.slug}/`)
  })

  it('makes again only the approved article, the lists it is on, the feed, its sitemap and the search delta', async () => {
    const before = await publishSite(payload, options())
    expect(before.rendered).toEqual([]) // nothing changed since the last build
    const unchanged = await objectOf(`articles/${first.slug}/index.html`)

    const second = await approvedArticle()
    const report = await publishSite(payload, options())
    expect(report.full).toBe(false)
    const made = report.rendered.filter(
      (f) => !f.startsWith('search/') && !f.startsWith('sitemaps/'),
    )
    expect(made.sort()).toEqual(
      [
        `articles/${second.slug}/index.html`,
        `articles/${second.slug}/history/index.html`,
        'index.html',
        'topics/other-topics/index.html',
        'feed.xml',
        'sitemap.xml',
      ].sort(),
    )
    // One article sitemap, the pages sitemap (the home page's date), the delta and meta of search.
    expect(report.rendered.filter((f) => f.startsWith('sitemaps/'))).toHaveLength(2)
    expect(report.rendered.filter((f) => f.startsWith('search/')).sort()).toEqual([
      expect.stringMatching(/^search\/delta-[0-9a-f]{16}\.json$/),
      'search/meta.json',
    ])
    expect(await objectOf(`articles/${first.slug}/index.html`)).toBe(unchanged)
    expect(await read('index.html')).toContain(second.title)
    expect(report.renderedDocuments).toBe(1)
    // Where the time went: every phase, none longer than the whole publish.
    const phases = Object.values(report.phases)
    expect(Object.keys(report.phases)).toEqual(['start', 'articles', 'lists', 'search', 'live'])
    expect(phases.every((ms) => ms >= 0)).toBe(true)
    expect(phases.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(report.durationMs + 5)
  })

  it('takes an unpublished article off the site, and out of its lists and search', async () => {
    const article = await approvedArticle('An answer to take down')
    await publishSite(payload, options())
    expect(await read('index.html')).toContain(article.title)
    const editor = await createUser(payload, ['editor'])
    const asEditor = await RestClient.login(editor.email, PASSWORD)
    const res = await asEditor.post(`/articles/${article.id}/workflow`, { action: 'unpublish' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const report = await publishSite(payload, options())
    expect(report.removed).toContain(article.slug)
    expect(report.published).not.toContain(article.slug)
    expect(await readSiteFile(root, `articles/${article.slug}/index.html`)).toBeUndefined()
    expect(await read('index.html')).not.toContain(article.title)
    const meta = JSON.parse(await read('search/meta.json'))
    const delta = JSON.parse(await read(`search/${meta.delta}`))
    expect(JSON.stringify(delta.docs)).not.toContain(article.slug)
  })

  it('keeps the live build when nothing changed, and consumes the change log once live', async () => {
    await approvedArticle('Recorded in the change log')
    expect((await payload.count({ collection: 'site-changes' })).totalDocs).toBeGreaterThan(0)
    const made = await publishSite(payload, options())
    expect(made.rendered.length).toBeGreaterThan(0)
    expect((await payload.count({ collection: 'site-changes' })).totalDocs).toBe(0)
    const again = await publishSite(payload, options())
    expect(again.buildId).toBe(made.buildId)
    expect(again.rendered).toEqual([])
  })

  it('makes again the pages of articles citing a reference that changed, and only those', async () => {
    const article = await approvedArticle('Cites the shared reference')
    await publishSite(payload, options())
    const other = await createCitation(payload, { title: 'A reference nobody cites' })
    await payload.update({
      collection: 'citations',
      id: other.id,
      data: { title: 'Still uncited' },
    })
    expect((await publishSite(payload, options())).rendered).toEqual([])
    // A reviewer renames themselves: every page naming them is made again.
    await payload.update({
      collection: 'users',
      id: reviewer.id,
      data: { name: `${reviewer.name} Jr` },
    })
    const report = await publishSite(payload, options())
    expect(report.rendered).toContain(`articles/${article.slug}/index.html`)
    expect(await read(`articles/${article.slug}/index.html`)).toContain(`${reviewer.name} Jr`)
    expect(report.renderedDocuments).toBe(0) // the Markdown did not change: its rendering is kept
    // The history names them as each event recorded them: a profile edit changes no history.
    const history = await read(`articles/${article.slug}/history/index.html`)
    const escaped = reviewer.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    expect(history).toMatch(new RegExp(`${escaped}(?! Jr)`))
    await payload.update({ collection: 'users', id: reviewer.id, data: { name: reviewer.name } })
  })

  it('refuses a published revision changed behind the workflow, keeping the approved page', async () => {
    const article = await approvedArticle('The approved answer')
    await publishSite(payload, options())
    // Tampering: the live row is changed directly in the database, bypassing hooks and workflow.
    await payload.db.updateOne({
      collection: 'articles',
      id: article.id,
      data: { body: `## Answer\n\nA tampered answer [@${citation.key}].` },
    })
    // No hook saw that change, so no change log names it: the daily verifying publish finds it.
    const report = await publishSite(payload, options({ verify: true }))
    const refusal = report.refused.find((r) => r.slug === article.slug)
    expect(refusal?.reason).toMatch(/differs from the approved revision/)
    const page = await read(`articles/${article.slug}/index.html`)
    expect(page).toContain('The approved answer')
    expect(page).not.toContain('tampered')
    expect(report.rendered).not.toContain(`articles/${article.slug}/index.html`)
  })

  it('leaves the live site untouched when rendering fails', async () => {
    const paths = sitePaths(root)
    const liveBefore = await fs.readlink(paths.current)
    const homeBefore = await read('index.html')
    const buildsBefore = await fs.readdir(paths.builds)
    await approvedArticle()
    await expect(
      publishSite(
        payload,
        options({
          renderers: {
            renderHomePage: () => {
              throw new Error('the home page failed to render')
            },
          },
        }),
      ),
    ).rejects.toThrow('the home page failed to render')
    expect(await fs.readlink(paths.current)).toBe(liveBefore)
    expect(await read('index.html')).toBe(homeBefore)
    expect(await fs.readdir(paths.builds)).toEqual(buildsBefore)
  })

  it('rolls back to the previous build', async () => {
    const paths = sitePaths(root)
    const report = await publishSite(payload, options())
    const previous = await fs.readlink(paths.previous)
    expect(await fs.readlink(paths.current)).toBe(`builds/${report.buildId}.json`)
    await rollback(root)
    expect(await fs.readlink(paths.current)).toBe(previous)
    expect(await fs.readlink(paths.previous)).toBe(`builds/${report.buildId}.json`)
    await rollback(root)
  })

  it('runs one publish at a time per site folder: the second waits, then builds on the first', async () => {
    const article = await approvedArticle()
    const [a, b] = await Promise.all([
      publishSite(payload, options()),
      publishSite(payload, options()),
    ])
    const page = `articles/${article.slug}/index.html`
    // Had they overlapped, both would have started from the same build and rendered the page.
    expect([a, b].map((r) => r.rendered.includes(page)).sort()).toEqual([false, true])
    expect([a, b].find((r) => !r.rendered.includes(page))!.rendered).toEqual([])
    expect(await fs.readlink(sitePaths(root).current)).toBe(`builds/${b.buildId}.json`)
  })

  it('renders every article page anew when what renders them changes, a workflow label say', async () => {
    const real = await rendererInputs({ root: ROOT_DIR })
    await publishSite(payload, options({ rendererVersion: real.version }))
    const again = await rendererInputs({ root: ROOT_DIR })
    expect(
      (await publishSite(payload, options({ rendererVersion: again.version }))).rendered,
    ).toEqual([])
    const relabelled = await rendererInputs({
      root: ROOT_DIR,
      readFile: (file) => {
        const text = readFileSync(file, 'utf8')
        return file.includes('/src/workflow/')
          ? text.replaceAll("'Approved'", "'Signed off'")
          : text
      },
    })
    const report = await publishSite(payload, options({ rendererVersion: relabelled.version }))
    // A refused article cannot be rendered from the database: its last pages are carried over.
    const refused = new Set(report.refused.map((r) => r.slug))
    const rendered = report.published.filter((slug) => !refused.has(slug))
    expect(rendered.length).toBeGreaterThan(1)
    for (const slug of rendered) {
      expect(report.rendered).toContain(`articles/${slug}/index.html`)
      expect(report.rendered).toContain(`articles/${slug}/history/index.html`)
    }
    expect(report.full).toBe(true)
    expect(report.renderedDocuments).toBe(0) // only the template changed: no Markdown rendered
  })
})

describe('a publish killed at any point', () => {
  /** Every file of the live build of `dir`, as the server would serve it. */
  async function liveSite(dir: string): Promise<Record<string, string | undefined>> {
    const build = await currentBuild(dir)
    if (!build) return {}
    const files: Record<string, string | undefined> = {}
    const paths: string[] = []
    for await (const [file] of build.files.entries()) paths.push(file)
    for (const file of paths.sort()) {
      files[file] = await readSiteFile(dir, file)
    }
    return files
  }

  /** `npm run publish -- --out dir --full` as a separate process, as a cron job runs it. */
  const publishCommand = (dir: string) =>
    spawn(process.execPath, ['scripts/run.mjs', 'publish', '--out', dir, '--full'], {
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
      stdio: 'ignore',
    })
  const exited = (child: ReturnType<typeof spawn>) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
      else child.on('exit', (code) => resolve(code))
    })

  it('leaves the live site a whole build, byte for byte, and the next publish completes', async () => {
    for (let i = 0; i < 3; i++) await approvedArticle(`Answer ${i} to keep whole`)
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'publish-kill-'))
    try {
      const started = Date.now()
      expect(await exited(publishCommand(dir))).toBe(0)
      const took = Date.now() - started
      const complete = await liveSite(dir)
      expect(Object.keys(complete).length).toBeGreaterThan(10)
      expect(Object.values(complete).every((text) => text !== undefined)).toBe(true)
      // The same approved set makes the same files, byte for byte.
      expect(await exited(publishCommand(dir))).toBe(0)
      expect(await liveSite(dir)).toEqual(complete)

      // Killed at 20 points spread over a whole publish, from start-up to the swap and pruning.
      for (let point = 0; point < 20; point++) {
        const child = publishCommand(dir)
        const done = exited(child)
        await new Promise((resolve) => setTimeout(resolve, ((point + 0.5) / 20) * took))
        child.kill('SIGKILL')
        await done
        expect(await liveSite(dir), `killed after ${point + 1}/20 of a publish`).toEqual(complete)
      }
      expect(await exited(publishCommand(dir))).toBe(0)
      expect(await liveSite(dir)).toEqual(complete)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }, 300_000)
})
