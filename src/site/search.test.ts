import { describe, expect, it } from 'vitest'

import { approvedArticle, pendingArticle } from './fixtures'
import {
  SEARCH_DOC_SHARDS,
  SEARCH_TERM_SHARDS,
  searchBaseFiles,
  searchDeltaFile,
  searchRecord,
  searchTerms,
  shardOf,
} from './search'

describe('searchTerms', () => {
  it('lower-cases, folds accents, drops stop words and a plural s', () => {
    expect(searchTerms('Is low ALP associated with Myélomas or lytic lesions?')).toEqual([
      'low',
      'alp',
      'associated',
      'myeloma',
      'lytic',
      'lesion',
    ])
    expect(searchTerms('class stress')).toEqual(['class', 'stress'])
  })

  it('keeps numbers and units as terms', () => {
    expect(searchTerms('ALP ≥146 U/L in cycle 2')).toEqual(['alp', '146', 'cycle'])
  })
})

describe('the search index', () => {
  const approved = searchRecord(approvedArticle())
  const pending = searchRecord({ ...pendingArticle(), url: '/articles/pending/' })

  it('finds an article by the words of its question first, and of every audience version', () => {
    expect(approved.terms.alkaline).toBeGreaterThan(approved.terms.bortezomib ?? 0)
    // Only the patient version says "heal".
    expect(approved.terms.heal).toBeGreaterThan(0)
    expect(approved).toMatchObject({ url: '/articles/low-alp-myeloma/', approved: true })
    expect(pending.approved).toBe(false)
  })

  it('puts each term in one shard and each document in one', () => {
    const files = searchBaseFiles([
      { doc: 0, record: approved },
      { doc: 1, record: pending },
    ])
    expect(files.size).toBe(SEARCH_TERM_SHARDS + SEARCH_DOC_SHARDS)
    const shard = JSON.parse(files.get(`t-${shardOf('alkaline', SEARCH_TERM_SHARDS)}.json`)!)
    expect(shard.alkaline.map(([doc]: [number]) => doc)).toEqual([0, 1])
    expect(JSON.parse(files.get('d-1.json')!)).toEqual({
      1: ['/articles/pending/', pending.title, pending.summary, 0],
    })
  })

  it('is the same bytes for the same records, in any order', () => {
    const a = searchBaseFiles([
      { doc: 0, record: approved },
      { doc: 1, record: pending },
    ])
    const b = searchBaseFiles([
      { doc: 1, record: pending },
      { doc: 0, record: approved },
    ])
    expect([...a]).toEqual([...b])
    expect(searchDeltaFile([{ doc: 3, record: approved }], [3, 0, 3])).toBe(
      searchDeltaFile([{ doc: 3, record: approved }], [0, 3]),
    )
  })
})
