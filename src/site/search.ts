import { searchTerms, shardOf } from './assets/search-terms.js'
import { SITE_PATHS } from './format'
import type { ArticleView } from './types'

export { searchTerms, shardOf }

/** Term index files of a full index: a query term's postings are in one of them. */
export const SEARCH_TERM_SHARDS = 64
/** Document files of a full index: a result's title and summary are in one of them. */
export const SEARCH_DOC_SHARDS = 64

/** How much a term counts where it appears (its weights add up, to at most `MAX_WEIGHT`). */
const WEIGHTS = { title: 8, topic: 6, summary: 4, heading: 3, body: 1 } as const
const MAX_WEIGHT = 40

/** What the search shows of an article, and the terms it is found by with their weights. */
export interface SearchRecord {
  url: string
  title: string
  summary?: string
  approved: boolean
  terms: Record<string, number>
}

/**
 * An article page as the search knows it: found by the words of its question, topics, summary,
 * headings and text in every audience version, the question's words counting most.
 */
export function searchRecord(view: ArticleView): SearchRecord {
  const terms: Record<string, number> = {}
  const add = (text: string | undefined, weight: number) => {
    if (!text) return
    for (const term of searchTerms(text)) {
      terms[term] = Math.min(MAX_WEIGHT, (terms[term] ?? 0) + weight)
    }
  }
  add(view.title, WEIGHTS.title)
  for (const topic of view.about ?? [])
    add(typeof topic === 'string' ? topic : topic.name, WEIGHTS.topic)
  add(view.summary, WEIGHTS.summary)
  for (const version of view.versions) {
    add(version.title, WEIGHTS.title)
    add(version.summary, WEIGHTS.summary)
    for (const entry of version.toc) add(entry.text, WEIGHTS.heading)
    add(version.text, WEIGHTS.body)
  }
  return { url: view.url, title: view.title, summary: view.summary, approved: view.approved, terms }
}

/** A document of the index: its number (stable while it is indexed) and its record. */
export interface IndexedRecord {
  doc: number
  record: SearchRecord
}

/** What a result shows: `[url, title, summary, approved]`. */
type DocEntry = [string, string, string, 0 | 1]
const entry = (r: SearchRecord): DocEntry => [r.url, r.title, r.summary ?? '', r.approved ? 1 : 0]

/** Postings by term (sorted by document, terms in code point order): the same records, the same bytes. */
function postings(records: readonly IndexedRecord[]): Map<string, [number, number][]> {
  const byTerm = new Map<string, [number, number][]>()
  for (const { doc, record } of [...records].sort((a, b) => a.doc - b.doc)) {
    for (const [term, weight] of Object.entries(record.terms)) {
      let list = byTerm.get(term)
      if (!list) byTerm.set(term, (list = []))
      list.push([doc, weight])
    }
  }
  return new Map([...byTerm].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * The full index's files (path under the index's folder -> JSON): `t-NN.json` (term -> postings)
 * and `d-NN.json` (document -> what a result shows).
 */
export function searchBaseFiles(records: readonly IndexedRecord[]): Map<string, string> {
  const terms = Array.from({ length: SEARCH_TERM_SHARDS }, () => [] as [string, unknown][])
  for (const [term, list] of postings(records))
    terms[shardOf(term, SEARCH_TERM_SHARDS)]!.push([term, list])
  const docs = Array.from({ length: SEARCH_DOC_SHARDS }, () => [] as [number, DocEntry][])
  for (const r of [...records].sort((a, b) => a.doc - b.doc)) {
    docs[r.doc % SEARCH_DOC_SHARDS]!.push([r.doc, entry(r.record)])
  }
  const files = new Map<string, string>()
  terms.forEach((entries, shard) =>
    files.set(`t-${shard}.json`, JSON.stringify(Object.fromEntries(entries))),
  )
  docs.forEach((entries, shard) =>
    files.set(`d-${shard}.json`, JSON.stringify(Object.fromEntries(entries))),
  )
  return files
}

/**
 * The changes since the full index was built, in one small file a query always reads: the
 * documents added or changed since (their entries and postings) and the numbers of documents whose
 * entries in the full index are stale (changed or gone).
 */
export function searchDeltaFile(
  records: readonly IndexedRecord[],
  stale: readonly number[],
): string {
  return JSON.stringify({
    docs: Object.fromEntries(
      [...records].sort((a, b) => a.doc - b.doc).map((r) => [r.doc, entry(r.record)]),
    ),
    terms: Object.fromEntries(postings(records)),
    stale: [...new Set(stale)].sort((a, b) => a - b),
  })
}

/** The file the browser reads first: where the current full index and delta are. */
export function searchMetaFile(meta: { base: string; delta: string; documents: number }): string {
  return JSON.stringify({
    version: 1,
    termShards: SEARCH_TERM_SHARDS,
    docShards: SEARCH_DOC_SHARDS,
    documents: meta.documents,
    base: meta.base,
    delta: meta.delta,
  })
}

/** Where the search index lives in the site. */
export const SEARCH_ROOT = SITE_PATHS.search
