import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { writeCorpus } from '../bench/corpus'
import { revisionHash } from '../src/content/articleContent'
import { BULK_HOOKS, type BulkCollection } from '../src/content/bulkCreate'
import { importContent } from '../src/content/importContent'
import { loadContentDir } from '../src/content/loadContentDir'
import { unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'

/**
 * The importer creates new references and articles through the database adapter (its bulk
 * path), not Payload's create. What it stores must be what Payload's create, with every hook and
 * validation, stores: the same documents, drafts and published revisions, versions, import events
 * and references, field by field. Two copies of one content folder (its names suffixed apart) are
 * imported, one each way, and everything either wrote is read back through the Local API.
 */
let payload: Payload
let scratch: string
const NOW = new Date('2026-11-20T10:00:00.000Z')

beforeAll(async () => {
  payload = await testPayload()
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bulk-import-'))
})
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

/**
 * The bench corpus (varied articles: audience versions, tables, shared references with CSL
 * authors, several topics), with one article left unreviewed (a draft) and one reference with
 * the extra fields a Zotero export carries, its names suffixed with `tag`.
 */
async function corpusCopy(source: string, tag: string): Promise<string> {
  const dir = path.join(scratch, tag)
  await fs.cp(source, dir, { recursive: true })
  const rename = (text: string) =>
    text
      .replace(/bench-article-/g, `bench-article-${tag}-`)
      .replace(/\bref(\d+)\b/g, `ref$1-${tag}`)
      .replace(/@bench\.example/g, `@${tag}.bench.example`)
  for (const file of ['references.json', 'people.json', ...(await articleFiles(dir))]) {
    const p = path.join(dir, file)
    await fs.writeFile(p, rename(await fs.readFile(p, 'utf8')))
  }
  await fs.rm(path.join(dir, 'site.yaml'))
  return dir
}

const articleFiles = async (dir: string) =>
  (await fs.readdir(path.join(dir, 'articles'))).map((f) => path.join('articles', f))

/** Everything an import of `tag`'s copy stored, with ids and timestamps replaced by names. */
async function stored(tag: string) {
  const users = await payload.find({
    collection: 'users',
    where: { email: { like: `@${tag}.bench.example` } },
    pagination: false,
    depth: 0,
  })
  const citations = await payload.find({
    collection: 'citations',
    where: { key: { like: `-${tag}` } },
    pagination: false,
    depth: 0,
  })
  const names = new Map<string, string>()
  for (const u of users.docs) names.set(`users:${u.id}`, u.email)
  for (const c of citations.docs) names.set(`citations:${c.id}`, c.key)
  const name = (collection: string, id: unknown) =>
    id === null || id === undefined ? id : (names.get(`${collection}:${id}`) ?? `?${String(id)}`)

  const latest = await payload.find({
    collection: 'articles',
    where: { slug: { like: `bench-article-${tag}-` } },
    draft: true,
    pagination: false,
    depth: 0,
    sort: 'slug',
  })
  expect(latest.docs.length).toBeGreaterThan(0)
  const published = await payload.find({
    collection: 'articles',
    where: {
      and: [{ slug: { like: `bench-article-${tag}-` } }, { _status: { equals: 'published' } }],
    },
    pagination: false,
    depth: 0,
    sort: 'slug',
  })
  // Hashes cover the names, which differ between the copies: each must be its revision's hash.
  const populated = await payload.find({
    collection: 'articles',
    where: { slug: { like: `bench-article-${tag}-` } },
    draft: true,
    pagination: false,
    depth: 1,
  })
  const hashes = new Map(populated.docs.map((d) => [d.id, revisionHash(d)]))
  const hash = (id: unknown, value: unknown) =>
    value && value === hashes.get(id as number) ? 'the revision’s hash' : value
  const article = (doc: Record<string, unknown>, id = doc.id) => ({
    ...withoutIds(doc),
    authors: (doc.authors as unknown[]).map((id) => name('users', id)),
    reviewers: ((doc.reviewers as unknown[]) ?? []).map((id) => name('users', id)),
    citations: ((doc.citations as unknown[]) ?? []).map((id) => name('citations', id)),
    approval: {
      ...(doc.approval as Record<string, unknown>),
      approvedBy: name('users', (doc.approval as { approvedBy?: unknown })?.approvedBy),
      hash: hash(id, (doc.approval as { hash?: unknown })?.hash),
    },
  })
  const articles = []
  for (const doc of latest.docs) {
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: doc.id } },
      pagination: false,
      depth: 0,
      sort: 'createdAt',
    })
    const events = await payload.find({
      collection: 'reviews',
      where: { article: { equals: doc.id } },
      pagination: false,
      depth: 0,
      sort: 'at',
    })
    articles.push({
      latest: article(doc as unknown as Record<string, unknown>),
      published: published.docs
        .filter((p) => p.id === doc.id)
        .map((p) => article(p as unknown as Record<string, unknown>)),
      versions: versions.docs.map((v) => ({
        latest: v.latest,
        version: article(v.version as unknown as Record<string, unknown>, doc.id),
      })),
      events: events.docs.map((e) => ({
        ...withoutIds(e as unknown as Record<string, unknown>),
        contentHash: hash(doc.id, e.contentHash),
        actor: name('users', e.actor),
        assignee: name('users', e.assignee),
      })),
    })
  }
  const references = citations.docs
    .map((c) => withoutIds(c as unknown as Record<string, unknown>))
    .sort((a, b) => String(a.key).localeCompare(String(b.key)))
  return JSON.parse(JSON.stringify({ articles, references }).replaceAll(tag, 'TAG'))
}

/** A document without its database ids and timestamps (array rows' ids included). */
function withoutIds(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    if (['id', 'createdAt', 'updatedAt', 'article', 'parent'].includes(key)) continue
    out[key] = Array.isArray(value)
      ? value.map((v) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? withoutIds(v as Record<string, unknown>)
            : v,
        )
      : value && typeof value === 'object' && !Array.isArray(value)
        ? withoutIds(value as Record<string, unknown>)
        : value
  }
  return out
}

describe('the bulk import path', () => {
  it('stores what Payload’s create stores: documents, versions, events and references', async () => {
    const source = path.join(scratch, 'corpus')
    const corpus = await writeCorpus(source, { articles: 12, references: 'shared', seed: 7 })
    // One article stays a draft (no review): a draft revision, no published one.
    const draft = path.join(source, 'articles', `${corpus.slugs[0]}.md`)
    await fs.writeFile(
      draft,
      (await fs.readFile(draft, 'utf8')).replace(/^review:\n(?: {2}.*\n)+/m, ''),
    )
    // A reference as a Zotero export gives it: fields beyond the ones the platform shows.
    const refsFile = path.join(source, 'references.json')
    const refs = JSON.parse(await fs.readFile(refsFile, 'utf8'))
    refs[0] = {
      ...refs[0],
      abstract: 'An abstract.',
      language: 'en',
      note: 'Zotero note',
      accessed: { 'date-parts': [[2026, 1, 2]] },
    }
    await fs.writeFile(refsFile, JSON.stringify(refs, null, 1))

    const viaApi = `a${unique()}`
    const viaBulk = `b${unique()}`
    const apiReport = await importContent(
      payload,
      await loadContentDir(await corpusCopy(source, viaApi)),
      { now: NOW, bulk: false },
    )
    const bulkReport = await importContent(
      payload,
      await loadContentDir(await corpusCopy(source, viaBulk)),
      { now: NOW },
    )
    expect(bulkReport.articles).toEqual(apiReport.articles)
    expect(bulkReport.articles.created).toBe(12)
    expect(bulkReport.references).toEqual(apiReport.references)

    const expected = await stored(viaApi)
    const actual = await stored(viaBulk)
    expect(
      expected.articles.filter((a: { published: unknown[] }) => !a.published.length),
    ).toHaveLength(1)
    expect(actual).toEqual(expected)
  })

  it('accounts for every hook of the collections it creates in', () => {
    for (const collection of Object.keys(BULK_HOOKS) as BulkCollection[]) {
      const hooks = payload.collections[collection].config.hooks as unknown as Record<
        string,
        { name: string }[] | undefined
      >
      const names = Object.entries(hooks).flatMap(([when, list]) =>
        (list ?? []).map((hook) => `${when}:${hook.name}`),
      )
      expect(names.sort(), collection).toEqual(Object.keys(BULK_HOOKS[collection]).sort())
    }
  })

  it('refuses a value a field refuses, naming the field, and writes nothing', async () => {
    const source = path.join(scratch, 'refused')
    await writeCorpus(source, { articles: 3, references: 'shared', seed: 11 })
    const dir = await corpusCopy(source, `r${unique()}`)
    const bundle = await loadContentDir(dir)
    // Past the file checks: a slug the article's slug field refuses.
    bundle.articles[2]!.slug = 'Not a slug'
    const before = (await payload.count({ collection: 'articles' })).totalDocs
    await expect(importContent(payload, bundle)).rejects.toThrow(
      /bench-article-.*the CMS refused it: slug: Invalid slug "Not a slug"/,
    )
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })
})
