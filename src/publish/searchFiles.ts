import type { SearchRecord } from '../site'
import * as site from '../site'
import { type ManifestArticle, type ManifestSearch, readObject, sha256 } from './build'

/** Past this many articles changed since the full index, a publish makes a new full index. */
export const DELTA_LIMIT = 500

/** A search file of the build: its site path and content. */
export interface SearchFile {
  path: string
  content: string
}

const root = site.SITE_PATHS.search.replace(/^\//, '')

/**
 * The search index of a build. A full publish (or a delta grown past `DELTA_LIMIT`) makes a new
 * full index, numbering documents by slug so the same articles always give the same files; any
 * other publish keeps the full index and rewrites only the delta: the records of the articles
 * changed since, and the numbers of the full index's entries they replace. `records` holds the
 * records made by this publish; the others are read from the site folder's objects.
 */
export async function searchFiles({
  siteRoot,
  previous,
  articles,
  changed,
  records,
  full,
}: {
  siteRoot: string
  previous: ManifestSearch | undefined
  /** Every article of the new build, by slug. */
  articles: Readonly<Record<string, ManifestArticle>>
  /** Slugs whose record changed (added, changed or removed) in this publish. */
  changed: ReadonlySet<string>
  records: ReadonlyMap<string, SearchRecord>
  full: boolean
}): Promise<{ search: ManifestSearch; files: SearchFile[] }> {
  const record = async (slug: string): Promise<SearchRecord> =>
    records.get(slug) ??
    (JSON.parse(
      (await readObject(siteRoot, articles[slug]!.search)).toString('utf8'),
    ) as SearchRecord)

  let delta = previous && !full ? new Set(previous.changed) : new Set<string>()
  for (const slug of changed) delta.add(slug)
  delta = new Set([...delta].filter((slug) => articles[slug]))
  const files: SearchFile[] = []

  if (!previous || full || delta.size > DELTA_LIMIT) {
    const slugs = Object.keys(articles).sort()
    const docs = Object.fromEntries(slugs.map((slug, doc) => [slug, doc]))
    const indexed = await Promise.all(
      slugs.map(async (slug) => ({ doc: docs[slug]!, record: await record(slug) })),
    )
    const base = [...site.searchBaseFiles(indexed)]
    const name = `b-${sha256(base.map(([p, c]) => `${p}\n${c}`).join('\n')).slice(0, 16)}/`
    for (const [path, content] of base) files.push({ path: `${root}${name}${path}`, content })
    const search: ManifestSearch = {
      base: name,
      docs,
      baseCount: slugs.length,
      nextDoc: slugs.length,
      changed: [],
      stale: [],
    }
    const deltaContent = site.searchDeltaFile([], [])
    return { search, files: [...files, ...deltaFiles(search, deltaContent, slugs.length)] }
  }

  const docs = { ...previous.docs }
  let nextDoc = previous.nextDoc
  const stale = new Set(previous.stale)
  const inBase = (slug: string) => slug in docs && docs[slug]! < previous.baseCount
  for (const slug of changed) {
    // The full index's entry for this article (if any) is out of date from now on; the delta
    // holds the article under a number of its own.
    if (inBase(slug)) {
      stale.add(docs[slug]!)
      delete docs[slug]
    }
    if (!articles[slug]) delete docs[slug]
    else if (!(slug in docs)) docs[slug] = nextDoc++
  }
  const indexed = await Promise.all(
    [...delta].sort().map(async (slug) => ({ doc: docs[slug]!, record: await record(slug) })),
  )
  const search: ManifestSearch = {
    base: previous.base,
    docs,
    baseCount: previous.baseCount,
    nextDoc,
    changed: [...delta].sort(),
    stale: [...stale].sort((a, b) => a - b),
  }
  const content = site.searchDeltaFile(indexed, search.stale)
  return { search, files: deltaFiles(search, content, Object.keys(articles).length) }
}

function deltaFiles(search: ManifestSearch, delta: string, documents: number): SearchFile[] {
  const name = `delta-${sha256(delta).slice(0, 16)}.json`
  return [
    { path: `${root}${name}`, content: delta },
    {
      path: `${root}meta.json`,
      content: site.searchMetaFile({ base: search.base, delta: name, documents }),
    },
  ]
}
