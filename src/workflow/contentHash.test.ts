import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { canonicalContent, contentHash, isContentHash } from './contentHash'
import type { ContentInput } from './contentHash'

const smith = {
  id: 'smith2021',
  type: 'article-journal',
  title: 'Alkaline phosphatase in multiple myeloma and bone metastases',
  author: [
    { family: 'Smith', given: 'Anna' },
    { family: 'Okafor', given: 'Chidi' },
  ],
  'container-title': 'Journal of Bone Oncology',
  issued: { 'date-parts': [[2021, 4, 2]] },
  volume: '28',
  issue: '3',
  page: '100-107',
  DOI: '10.1016/j.jbo.2021.100107',
  PMID: '33860000',
  URL: 'https://example.org/smith2021',
}

const lee = {
  id: 'lee2019',
  type: 'book',
  title: 'Bone Disease in Myeloma',
  author: [{ literal: 'International Myeloma Working Group' }],
  publisher: 'Springer',
  issued: { 'date-parts': [[2019]] },
}

const base: ContentInput = {
  title: 'Is low alkaline phosphatase associated with multiple myeloma?',
  summary: 'Usually yes: myeloma destroys bone without building it.',
  body: 'Yes, low or normal ALP is typical [@smith2021].\n\nSee also [@lee2019].\n',
  variants: [
    {
      audience: 'patient',
      title: 'Is low ALP related to myeloma?',
      summary: 'A short answer for patients.',
      body: 'Often, yes [@smith2021].',
    },
    { audience: 'student', body: 'ALP marks osteoblast activity [@lee2019].' },
  ],
  references: [smith, lee],
}

const hashOf = (input: ContentInput) => contentHash(input)
const BASE_HASH = hashOf(base)

/** A deep copy with the keys of every object in reverse insertion order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    ) as T
  }
  return value
}

/** Paths to every leaf (string, number, boolean) inside `value`. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leafPaths(item, [...path, i]))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]))
  }
  return [path]
}

/** A deep copy of `value` with the leaf at `path` changed. */
function changeLeaf<T>(value: T, path: (string | number)[]): T {
  const copy = structuredClone(value) as Record<string | number, unknown>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  const old = parent[last]
  parent[last] = typeof old === 'number' ? old + 1 : typeof old === 'string' ? `${old}x` : !old
  return copy as T
}

describe('contentHash', () => {
  it('is the SHA-256 hex of the canonical serialization', () => {
    expect(isContentHash(BASE_HASH)).toBe(true)
    expect(BASE_HASH).toBe(
      createHash('sha256').update(canonicalContent(base), 'utf8').digest('hex'),
    )
  })

  it('serializes a minimal revision exactly so (the format is a stored contract)', () => {
    expect(
      canonicalContent({
        title: ' Why? ',
        body: 'Because\r\n[@k].\n',
        references: [{ type: 'book', id: 'k', title: 'T', createdAt: '2025-01-01' }],
      }),
    ).toBe(
      '{"body":"Because\\n[@k].","references":[{"id":"k","title":"T","type":"book"}],"title":"Why?","v":1}',
    )
    expect(contentHash({ title: 'Q', body: 'A', references: [] })).toBe(
      createHash('sha256').update('{"body":"A","title":"Q","v":1}').digest('hex'),
    )
  })

  it('does not depend on key order at any depth', () => {
    expect(hashOf(reverseKeys(base))).toBe(BASE_HASH)
  })

  it('does not depend on the order of references or of variants', () => {
    expect(hashOf({ ...base, references: [lee, smith] })).toBe(BASE_HASH)
    expect(hashOf({ ...base, variants: [...base.variants!].reverse() })).toBe(BASE_HASH)
  })

  it('counts a reference listed twice once, and refuses two different ones with one key', () => {
    expect(hashOf({ ...base, references: [smith, lee, { ...smith }] })).toBe(BASE_HASH)
    expect(() => hashOf({ ...base, references: [smith, lee, { ...smith, page: '1' }] })).toThrow(
      /two different references have the citation key "smith2021"/,
    )
  })

  it('normalizes line endings in every text', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n')
    const cr = (s: string) => s.replace(/\n/g, '\r')
    const multiline = { ...base, summary: 'Line one.\nLine two.', body: 'A\n\nB  \nC\n' }
    const expected = hashOf(multiline)
    for (const convert of [crlf, cr]) {
      expect(
        hashOf({
          ...multiline,
          summary: convert(multiline.summary),
          body: convert(multiline.body),
          references: [{ ...smith, note: convert('a\nb') }, lee],
        }),
      ).toBe(hashOf({ ...multiline, references: [{ ...smith, note: 'a\nb' }, lee] }))
      expect(hashOf({ ...multiline, body: convert(multiline.body) })).toBe(expected)
    }
  })

  it('ignores whitespace readers never see, and keeps whitespace that renders', () => {
    expect(hashOf({ ...base, body: `\n  \n${base.body}  \n\n\t` })).toBe(BASE_HASH)
    expect(hashOf({ ...base, title: `  ${base.title}\n` })).toBe(BASE_HASH)
    // Two trailing spaces inside a paragraph are a hard line break.
    expect(hashOf({ ...base, body: 'Line one  \nline two' })).not.toBe(
      hashOf({ ...base, body: 'Line one\nline two' }),
    )
    // Four leading spaces make a code block.
    expect(hashOf({ ...base, body: '    code' })).not.toBe(hashOf({ ...base, body: 'code' }))
  })

  it('treats canonically equivalent Unicode as the same text', () => {
    const composed = { ...base, title: 'Caf\u00e9 au lait spots?' }
    const decomposed = { ...base, title: 'Cafe\u0301 au lait spots?' }
    expect(hashOf(decomposed)).toBe(hashOf(composed))
  })

  it('has one form for "no summary" and "no variants"', () => {
    const without: ContentInput = { ...base, summary: undefined, variants: undefined }
    const expected = hashOf(without)
    expect(hashOf({ ...without, summary: null, variants: null })).toBe(expected)
    expect(hashOf({ ...without, summary: '  ', variants: [] })).toBe(expected)
    const { summary: _summary, variants: _variants, ...omitted } = base
    expect(hashOf(omitted)).toBe(expected)
    const patient = base.variants![0]!
    expect(
      hashOf({ ...base, variants: [{ ...patient, title: null, summary: '' }, base.variants![1]!] }),
    ).toBe(
      hashOf({
        ...base,
        variants: [{ audience: patient.audience, body: patient.body }, base.variants![1]!],
      }),
    )
  })

  it('ignores bookkeeping fields of references and Payload row ids', () => {
    const payloadDoc = {
      ...smith,
      id: 42,
      key: 'smith2021',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-02-01T00:00:00.000Z',
      verified: true,
      verifiedBy: 3,
      verifiedAt: '2025-02-01T00:00:00.000Z',
      _status: 'published',
      _id: '65f0c0ffee',
      __v: 0,
      author: smith.author.map((name, i) => ({ ...name, id: `row-${i}` })),
      issued: { ...smith.issued, id: 'row-x' },
    }
    expect(hashOf({ ...base, references: [payloadDoc, lee] })).toBe(BASE_HASH)
  })

  it('treats null, empty and absent reference fields alike', () => {
    const sparse = {
      ...lee,
      note: null,
      URL: '',
      'container-title': undefined,
      editor: [],
      accessed: {},
    }
    expect(hashOf({ ...base, references: [smith, sparse] })).toBe(BASE_HASH)
  })

  it('changes when the title, summary or body changes', () => {
    expect(hashOf({ ...base, title: `${base.title}!` })).not.toBe(BASE_HASH)
    expect(hashOf({ ...base, summary: 'Usually.' })).not.toBe(BASE_HASH)
    expect(hashOf({ ...base, summary: undefined })).not.toBe(BASE_HASH)
    expect(hashOf({ ...base, body: base.body.replace('typical', 'common') })).not.toBe(BASE_HASH)
  })

  it.each(['audience', 'title', 'summary', 'body'] as const)(
    'changes when a variant %s changes',
    (field) => {
      const [patient, student] = base.variants!
      const changed = { ...patient!, [field]: `${patient![field]} (edited)` }
      expect(hashOf({ ...base, variants: [changed, student!] })).not.toBe(BASE_HASH)
    },
  )

  it('changes when a variant is added or removed', () => {
    expect(hashOf({ ...base, variants: base.variants!.slice(0, 1) })).not.toBe(BASE_HASH)
    expect(
      hashOf({ ...base, variants: [...base.variants!, { audience: 'clinician', body: 'x' }] }),
    ).not.toBe(BASE_HASH)
  })

  it('changes when a reference is added or removed', () => {
    expect(hashOf({ ...base, references: [smith] })).not.toBe(BASE_HASH)
    expect(
      hashOf({ ...base, references: [...base.references, { id: 'x1', type: 'book', title: 'X' }] }),
    ).not.toBe(BASE_HASH)
  })

  const smithLeaves = leafPaths(smith)
  it('covers every field of the reference fixture', () => {
    expect(smithLeaves.length).toBeGreaterThanOrEqual(17)
  })

  it.each(smithLeaves.map((path) => [path.join('.'), path] as const))(
    'changes when reference field %s changes',
    (_, path) => {
      const changed = changeLeaf(smith, path)
      expect(hashOf({ ...base, references: [changed, lee] })).not.toBe(BASE_HASH)
    },
  )

  it('changes when a field is added to a reference, or author order changes', () => {
    expect(hashOf({ ...base, references: [{ ...smith, note: 'Erratum' }, lee] })).not.toBe(
      BASE_HASH,
    )
    const swapped = { ...smith, author: [...smith.author].reverse() }
    expect(hashOf({ ...base, references: [swapped, lee] })).not.toBe(BASE_HASH)
  })

  it('does not coerce value types (parse references with cslItemSchema first)', () => {
    expect(hashOf({ ...base, references: [{ ...smith, volume: 28 }, lee] })).not.toBe(BASE_HASH)
  })

  it('serializes a Date value as its ISO string', () => {
    const at = '2024-05-01T00:00:00.000Z'
    expect(hashOf({ ...base, references: [{ ...smith, accessedOn: new Date(at) }, lee] })).toBe(
      hashOf({ ...base, references: [{ ...smith, accessedOn: at }, lee] }),
    )
  })

  it('throws on input it cannot serialize faithfully', () => {
    const cyclic: Record<string, unknown> = { ...smith }
    cyclic.self = { back: cyclic }
    const bad: [string, Record<string, unknown>][] = [
      ['no citation key', { type: 'book', title: 'X' }],
      ['a blank citation key', { id: '  ', type: 'book', title: 'X' }],
      ['a function', { ...smith, note: () => 'x' }],
      ['a non-finite number', { ...smith, volume: Number.NaN }],
      ['a bigint', { ...smith, volume: 1n }],
      ['an invalid Date', { ...smith, accessedOn: new Date('x') }],
      ['a cycle', cyclic],
    ]
    for (const [what, reference] of bad) {
      expect(() => hashOf({ ...base, references: [reference] }), what).toThrow(TypeError)
    }
    expect(() => hashOf({ ...base, variants: [{ audience: ' ', body: 'x' }] })).toThrow(
      /variant 0 has no audience/,
    )
  })

  it('recognizes the shape of a hash', () => {
    expect(isContentHash('A'.repeat(64))).toBe(false)
    expect(isContentHash('a'.repeat(63))).toBe(false)
    expect(isContentHash(42)).toBe(false)
  })
})
