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

/**
 * Postings by term, built one record at a time: each term's list is flat (`doc, weight, doc,
 * weight…`, by document), so 10 000 articles of a few hundred terms each are a few arrays of
 * numbers, not millions of pairs.
 */
class Postings {
  private readonly byTerm = new Map<string, number[]>()

  add({ doc, record }: IndexedRecord): void {
    for (const [term, weight] of Object.entries(record.terms)) {
      let list = this.byTerm.get(term)
      if (!list) this.byTerm.set(term, (list = []))
      list.push(doc, weight)
    }
  }

  /** Every term, in code point order. */
  terms(): string[] {
    return [...this.byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }

  /** A term's postings as `[doc, weight]` pairs. */
  pairs(term: string): [number, number][] {
    const flat = this.byTerm.get(term) ?? []
    const pairs: [number, number][] = []
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!])
    return pairs
  }

  /** These terms (in their order; default all) with their postings, as one object. */
  object(terms: readonly string[] = this.terms()): Record<string, [number, number][]> {
    return Object.fromEntries(terms.map((t) => [t, this.pairs(t)]))
  }
}

/** Records in document order (the same records, the same bytes). */
const byDoc = (records: readonly IndexedRecord[]) => [...records].sort((a, b) => a.doc - b.doc)

/**
 * The full index's files (path under the index's folder -> JSON): `t-NN.json` (term -> postings)
 * and `d-NN.json` (document -> what a result shows). An array of records may be in any order;
 * any other iterable is read once, in document order, so a caller can make each record as it is
 * asked for and let it go (a full index of 10 000 articles never holds them all).
 */
export function searchBaseFiles(
  records: readonly IndexedRecord[] | Iterable<IndexedRecord>,
): Map<string, string> {
  const postings = new Postings()
  const docs = Array.from({ length: SEARCH_DOC_SHARDS }, () => [] as [number, DocEntry][])
  let last = -1
  for (const r of Array.isArray(records) ? byDoc(records) : records) {
    if (r.doc <= last) throw new RangeError(`search records out of document order at ${r.doc}`)
    last = r.doc
    postings.add(r)
    docs[r.doc % SEARCH_DOC_SHARDS]!.push([r.doc, entry(r.record)])
  }
  const files = new Map<string, string>()
  // Each term's shard computed once; one shard's pairs made at a time.
  const shards = Array.from({ length: SEARCH_TERM_SHARDS }, () => [] as string[])
  for (const term of postings.terms()) shards[shardOf(term, SEARCH_TERM_SHARDS)]!.push(term)
  shards.forEach((terms, shard) =>
    files.set(`t-${shard}.json`, JSON.stringify(postings.object(terms))),
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
  const postings = new Postings()
  const sorted = byDoc(records)
  for (const r of sorted) postings.add(r)
  return JSON.stringify({
    docs: Object.fromEntries(sorted.map((r) => [r.doc, entry(r.record)])),
    terms: postings.object(),
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
