import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { type CslItem, cslItemSchema, CSL_TYPES } from './csl'
import {
  canonicalReference,
  extraCslProblem,
  fromStored,
  sameReference,
  type StoredReference,
  toStored,
} from './stored'

const fixture = (name: string): CslItem[] =>
  cslItemSchema
    .array()
    .parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')))

/** A JSON round trip, as a database gives values back (PostgreSQL's jsonb also reorders keys). */
const throughDatabase = (stored: StoredReference): StoredReference => {
  const copy = JSON.parse(JSON.stringify(stored))
  if (copy.csl) copy.csl = reverseKeys(copy.csl)
  return copy
}
const reverseKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  )
}

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T
  const maybe = (p = 0.5) => next() < p
  return { next, pick, maybe }
}

const NAMES = [
  { family: 'Smith', given: 'Jane' },
  { family: 'Donk', given: 'Niels W C J', 'non-dropping-particle': 'van de' },
  { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' },
  { family: 'Frenck', given: 'Robert W', suffix: 'Jr' },
  { literal: 'World Health Organization' },
  { family: 'Kumar' },
]
const ODD_NAMES = [
  { family: 'Frenck', given: 'Robert W', suffix: 'Jr', 'comma-suffix': true },
  { family: 'Mao', given: 'Zedong', 'static-ordering': true },
  { family: 'Lee', given: 'Min', sequence: 'first', affiliation: [{ name: 'X' }] },
]
const DATES = [
  { 'date-parts': [[2021]] },
  { 'date-parts': [['2021', '3']] },
  { 'date-parts': [[2020, 12, 31]] },
  { 'date-parts': [[2020]], season: 'Spring' },
  { 'date-parts': [[2019, 5]], circa: true },
  { 'date-parts': [[2019], [2021]] },
  { 'date-parts': [[1450]] },
  { 'date-parts': [[2020, 13]] },
  { literal: 'in press' },
  { raw: '2021' },
  { raw: 'Winter 2020/2021' },
]

function randomItem(seed: number): unknown {
  const r = random(seed)
  const item: Record<string, unknown> = {
    id: `key${seed}`,
    type: r.pick(CSL_TYPES),
    title: r.pick(['A title', 'Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine', 42]),
  }
  if (r.maybe(0.8)) {
    const pool = r.maybe(0.8) ? NAMES : [...NAMES, ...ODD_NAMES]
    item.author = Array.from({ length: 1 + Math.floor(r.next() * 8) }, () => r.pick(pool))
  }
  if (r.maybe()) item.editor = [r.pick(NAMES)]
  if (r.maybe(0.8)) item.issued = r.pick(DATES)
  if (r.maybe()) item.accessed = r.pick(DATES)
  for (const [field, values] of [
    ['container-title', ['The Lancet', 'J Bone Oncol']],
    ['container-title-short', ['Lancet']],
    ['publisher', ['McGraw Hill']],
    ['publisher-place', ['New York']],
    ['volume', ['383', 15]],
    ['issue', ['27', 3]],
    ['page', ['2603-2615', 'e538-48']],
    ['DOI', ['https://doi.org/10.1056/NEJMoa2034577', '10.1/x']],
    ['PMID', [33301246, 'PMID: 25439696']],
    ['PMCID', ['pmc7745181']],
    ['ISBN', ['978-1-264-26850-4']],
    ['URL', ['https://www.who.int/x']],
    ['note', ['PMID: 1\nPMCID: PMC2', '']],
    ['abstract', ['Background: …']],
    ['ISSN', ['1533-4406']],
    ['language', ['eng']],
    ['keyword', ['myeloma, bone']],
    ['number-of-pages', [206, '4']],
    ['edition', [21, '8']],
    ['journalAbbreviation', ['N Engl J Med']],
    ['custom', [{ 'checked-by': 'me', tags: ['a'] }]],
  ] as const) {
    if (r.maybe(0.4)) item[field] = r.pick(values as readonly unknown[])
  }
  return item
}

describe('toStored / fromStored', () => {
  const exports = [...fixture('zotero-export.json'), ...fixture('pubmed-export.json')]

  it.each(exports.map((item) => [item.id, item] as const))(
    'gives back exactly the %s export, through a database',
    (_id, item) => {
      const back = fromStored(throughDatabase(toStored(item)))
      expect(back).toEqual(item)
      expect(sameReference(back, item)).toBe(true)
      expect(JSON.stringify(canonicalReference(item))).toBe(JSON.stringify(item))
    },
  )

  it('gives back exactly any normalized item (500 generated ones)', () => {
    let odd = 0
    for (let seed = 1; seed <= 500; seed++) {
      const item = cslItemSchema.parse(randomItem(seed))
      const stored = toStored(item)
      const extra = (stored.csl ?? {}) as Record<string, unknown>
      if ('author' in extra || 'issued' in extra) odd++
      expect(fromStored(throughDatabase(stored)), `seed ${seed}`).toEqual(item)
    }
    // The generator does reach the cases the columns cannot hold.
    expect(odd).toBeGreaterThan(50)
  })

  it('puts what the admin edits in columns and every other field in csl', () => {
    const [polack] = exports
    const stored = toStored(polack!)
    expect(stored).toMatchObject({
      key: 'polack2020',
      type: 'article-journal',
      title: 'Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine',
      containerTitle: 'The New England Journal of Medicine',
      issued: { year: 2020, month: 12, day: 31 },
      volume: '383',
      issue: '27',
      page: '2603-2615',
      doi: '10.1056/NEJMoa2034577',
      pmid: '33301246',
      pmcid: 'PMC7745181',
      note: null,
    })
    expect(stored.authors![0]).toEqual({
      family: 'Polack',
      given: 'Fernando P.',
      literal: null,
      nonDroppingParticle: null,
      droppingParticle: null,
      suffix: null,
    })
    expect(Object.keys(stored.csl as object)).toEqual([
      'ISSN',
      'abstract',
      'accessed',
      'citation-key',
      'journalAbbreviation',
      'language',
      'source',
    ])
  })

  it('keeps a name or date the columns cannot hold whole in csl', () => {
    const item = cslItemSchema.parse({
      id: 'k',
      type: 'book',
      title: 'T',
      author: [{ family: 'Smith' }, { family: 'Lee', given: 'Min', sequence: 'first' }],
      issued: { 'date-parts': [[2019], [2021]] },
    })
    const stored = toStored(item)
    expect(stored.authors).toEqual([])
    expect(stored.issued).toEqual({ year: null, month: null, day: null })
    expect(stored.csl).toEqual({ author: item.author, issued: item.issued })
  })

  it('reads a citation stored before csl existed as the same CSL as before', () => {
    const legacy: StoredReference = {
      key: 'smith2020',
      type: 'article-journal',
      title: 'A title',
      authors: [{ family: 'Smith', given: 'J', literal: null }],
      containerTitle: 'J Ex',
      publisher: null,
      issued: { year: 2020, month: 5, day: null },
      volume: '12',
      issue: null,
      page: '1-2',
      doi: '10.5555/x',
      pmid: '1',
      url: null,
      note: null,
    }
    expect(JSON.stringify(fromStored(legacy))).toBe(
      JSON.stringify({
        id: 'smith2020',
        type: 'article-journal',
        title: 'A title',
        author: [{ family: 'Smith', given: 'J' }],
        'container-title': 'J Ex',
        issued: { 'date-parts': [[2020, 5]] },
        volume: '12',
        page: '1-2',
        DOI: '10.5555/x',
        PMID: '1',
      }),
    )
  })

  it('lets an edit of the columns win over what csl says', () => {
    const item = cslItemSchema.parse({
      id: 'k',
      type: 'book',
      title: 'T',
      issued: { 'date-parts': [[2020]], season: 'Spring' },
    })
    const edited = { ...toStored(item), issued: { year: 2021, month: 4, day: null } }
    expect(fromStored(edited).issued).toEqual({ 'date-parts': [[2021, 4]], season: 'Spring' })
  })

  it('refuses a csl value that is not an object', () => {
    const stored = { ...toStored(exports[0]!), csl: 'oops' }
    expect(() => fromStored(stored)).toThrow(/"csl" must be a JSON object/)
  })
})

describe('sameReference', () => {
  it('ignores key order at any depth and sees any change', () => {
    const a = { id: 'k', type: 'book', title: 'T', custom: { a: 1, b: 2 } } as CslItem
    const b = { custom: { b: 2, a: 1 }, title: 'T', type: 'book', id: 'k' } as CslItem
    expect(sameReference(a, b)).toBe(true)
    expect(sameReference(a, { ...b, custom: { a: 1, b: 3 } })).toBe(false)
  })
})

describe('extraCslProblem', () => {
  it.each([
    [null, undefined],
    [{ ISSN: '1533-4406', author: [{ family: 'X' }] }, undefined],
    [
      'text',
      'the other CSL fields are a JSON object such as {"ISSN": "1533-4406", "language": "en"}',
    ],
    [[1], 'the other CSL fields are a JSON object such as {"ISSN": "1533-4406", "language": "en"}'],
    [
      { DOI: '10.1/x', ISSN: '1' },
      '"DOI" has a field of its own above: move the value there and remove it here',
    ],
    [
      { title: 'T', URL: 'https://x' },
      '"title", "URL" have a field of its own above: move the value there and remove it here',
    ],
  ])('%j: %j', (value, problem) => {
    expect(extraCslProblem(value)).toBe(problem)
  })
})
