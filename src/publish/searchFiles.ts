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

/** An article's entries before and after a publish (absent: not on the site). */
export interface SearchChange {
  before?: ManifestArticle
  after?: ManifestArticle
}

/**
 * The search index of a build. A full publish (or a delta grown past `DELTA_LIMIT`) makes a new
 * full index, numbering documents by slug so the same articles always give the same files; any
 * other publish keeps the full index and rewrites only the delta: the records of the articles
 * changed since, and the numbers of the full index's entries they replace. `records` holds the
 * records made by this publish (by article id); the others are read from the site folder's
 * objects. Returns the document number of every article whose number is new or changed.
 */
export async function searchFiles({
  siteRoot,
  previous,
  changes,
  records,
  everyArticle,
  documents,
  full,
}: {
  siteRoot: string
  previous: ManifestSearch | undefined
  /** Articles whose record changed (added, changed or removed) in this publish, by id. */
  changes: ReadonlyMap<string, SearchChange>
  /** Search records made by this publish, as JSON, by article id. */
  records: ReadonlyMap<string, string>
  /** Every article of the new build (read only to make a full index). */
  everyArticle: () => AsyncIterable<[string, ManifestArticle]>
  /** How many articles the new build holds. */
  documents: number
  full: boolean
}): Promise<{ search: ManifestSearch; files: SearchFile[]; docs: Map<string, number> }> {
  const json = async (id: string, search: string): Promise<string> =>
    records.get(id) ?? (await readObject(siteRoot, search)).toString('utf8')
  const record = async (id: string, search: string): Promise<SearchRecord> =>
    JSON.parse(await json(id, search)) as SearchRecord

  let delta: ManifestSearch['changed'] | undefined
  let nextDoc = previous?.nextDoc ?? 0
  const stale = new Set(previous?.stale ?? [])
  const docs = new Map<string, number>()
  if (previous && !full) {
    delta = { ...previous.changed }
    for (const [id, { before, after }] of changes) {
      // The full index's entry for this article (if any) is out of date from now on; the delta
      // holds the article under a number of its own.
      const was = delta[id]?.doc ?? before?.doc
      const inBase = was !== undefined && was < previous.baseCount
      if (inBase) stale.add(was)
      if (!after) {
        delete delta[id]
        continue
      }
      const doc = was !== undefined && !inBase ? was : nextDoc++
      delta[id] = { doc, search: after.search }
      docs.set(id, doc)
    }
    if (Object.keys(delta).length > DELTA_LIMIT) delta = undefined
  }

  if (!previous || !delta) {
    const entries: { id: string; slug: string; search: string }[] = []
    for await (const [id, a] of everyArticle()) entries.push({ id, slug: a.slug, search: a.search })
    entries.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    // Every record as JSON (a few kilobytes each); each is parsed only when the index takes it.
    const texts = await Promise.all(entries.map((e) => json(e.id, e.search)))
    entries.forEach((e, doc) => docs.set(e.id, doc))
    function* indexed() {
      for (let doc = 0; doc < texts.length; doc++) {
        yield { doc, record: JSON.parse(texts[doc]!) as SearchRecord }
      }
    }
    const base = [...site.searchBaseFiles(indexed())]
    const name = `b-${sha256(base.map(([p, c]) => `${p}\n${c}`).join('\n')).slice(0, 16)}/`
    const files = base.map(([path, content]) => ({ path: `${root}${name}${path}`, content }))
    const deltaContent = site.searchDeltaFile([], [])
    const search: ManifestSearch = {
      base: name,
      baseFiles: files.map((f) => f.path),
      baseCount: entries.length,
      nextDoc: entries.length,
      delta: deltaPath(deltaContent),
      changed: {},
      stale: [],
    }
    return { search, files: [...files, ...deltaFiles(search, deltaContent, entries.length)], docs }
  }

  const ids = Object.keys(delta).sort((a, b) => delta[a]!.doc - delta[b]!.doc)
  const indexed = await Promise.all(
    ids.map(async (id) => ({ doc: delta[id]!.doc, record: await record(id, delta[id]!.search) })),
  )
  const content = site.searchDeltaFile(indexed, [...stale])
  const search: ManifestSearch = {
    ...previous,
    nextDoc,
    delta: deltaPath(content),
    changed: Object.fromEntries(ids.map((id) => [id, delta[id]!])),
    stale: [...stale].sort((a, b) => a - b),
  }
  return { search, files: deltaFiles(search, content, documents), docs }
}

const deltaPath = (content: string) => `${root}delta-${sha256(content).slice(0, 16)}.json`

function deltaFiles(search: ManifestSearch, delta: string, documents: number): SearchFile[] {
  return [
    { path: search.delta, content: delta },
    {
      path: `${root}meta.json`,
      content: site.searchMetaFile({
        base: search.base,
        delta: search.delta.slice(root.length),
        documents,
      }),
    },
  ]
}
