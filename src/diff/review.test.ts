import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { createMarkdownProcessor, MARKDOWN_LIMITS } from '../markdown'
import { canonicalReference, type CslItem, cslItemSchema } from '../references'
import { DIFF_LIMITS, type DiffRow, diffText, type TextDiff } from './lines'
import { readerLines } from './readerText'
import { reviewDiff, type RevisionContent } from './review'

// The seed article and its references, as `content/` holds them and storage gives them back.
const source = readFileSync(
  new URL('../../content/articles/low-alp-multiple-myeloma.md', import.meta.url),
  'utf8',
)
const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!
const meta = parse(frontMatter) as {
  title: string
  summary: string
  variants: { audience: string; title?: string; summary?: string; body: string }[]
}
const allReferences = (
  JSON.parse(
    readFileSync(new URL('../../content/references.json', import.meta.url), 'utf8'),
  ) as unknown[]
).map((raw) => canonicalReference(cslItemSchema.parse(raw)))
const cited = new Set([...source.matchAll(/@([\w:.#$%&\-+?<>~/]+?)[;\]]/g)].map((m) => m[1]))
const seed: RevisionContent = {
  title: meta.title,
  summary: meta.summary,
  body,
  variants: meta.variants,
  references: allReferences.filter((r) => cited.has(r.id)),
}
const processor = createMarkdownProcessor()

const rowsOf = (diff: TextDiff, kind: DiffRow['kind']) => diff.rows.filter((r) => r.kind === kind)
const changedWords = (row: DiffRow | undefined) =>
  row && 'words' in row && row.words
    ? row.words.filter((w) => w.changed).map((w) => w.text)
    : undefined

describe('reviewDiff of the seed article', () => {
  it('finds nothing between a revision and itself', () => {
    expect(seed.references.length).toBeGreaterThan(3)
    const diff = reviewDiff(seed, structuredClone(seed), processor)
    expect(diff.changed).toBe(false)
    expect(diff.documents.map((d) => [d.audience, d.change])).toEqual([
      [null, 'unchanged'],
      ['patient', 'unchanged'],
    ])
    expect(diff.references).toEqual({ changes: [], unchanged: seed.references.length })
  })

  it('shows an edited sentence of the body by line and word, in the source and for readers', () => {
    const edited = {
      ...seed,
      body: seed.body.replace('901 patients (440 with myeloma', '902 patients (441 with myeloma'),
    }
    const diff = reviewDiff(seed, edited, processor)
    const main = diff.documents[0]
    expect(main.change).toBe('changed')
    expect([main.source.added, main.source.removed]).toEqual([1, 1])
    const removed = rowsOf(main.source, 'removed')[0]
    const added = rowsOf(main.source, 'added')[0]
    expect(removed).toMatchObject({ text: expect.stringContaining('901 patients') })
    expect(changedWords(removed)).toEqual(['901', '440'])
    expect(changedWords(added)).toEqual(['902', '441'])
    // Far-away unchanged lines are collapsed, near ones kept as context.
    expect(rowsOf(main.source, 'skipped').length).toBeGreaterThan(0)
    expect(rowsOf(main.source, 'same').length).toBeLessThanOrEqual(6)

    // The rendered paragraph is one line, with its citation numbers as readers see them.
    if (!('rows' in main.rendered)) throw new Error(main.rendered.unavailable)
    const paragraph = rowsOf(main.rendered, 'added')
    expect(paragraph).toHaveLength(1)
    expect(paragraph[0]).toMatchObject({
      text: expect.stringMatching(
        /^A landmark 2021 study of 902 patients .* ALP \[1\]\. This difference/,
      ),
    })
    expect(changedWords(paragraph[0])).toEqual(['902', '441'])
    // The audience version did not change.
    expect(diff.documents[1].change).toBe('unchanged')
  })

  it('diffs each audience version by its audience, including one added', () => {
    const [patient] = seed.variants!
    const edited: RevisionContent = {
      ...seed,
      variants: [
        {
          ...patient,
          body: patient.body.replace('Talk with your care team', 'Ask your care team'),
        },
        { audience: 'student', body: 'A student version [@serum-flc-assay].' },
      ],
    }
    const diff = reviewDiff(seed, edited, processor)
    expect(diff.documents.map((d) => [d.audience, d.change])).toEqual([
      [null, 'unchanged'],
      ['patient', 'changed'],
      ['student', 'added'],
    ])
    const patientDiff = diff.documents[1]
    expect(changedWords(rowsOf(patientDiff.source, 'removed')[0])).toEqual(['Talk with'])
    expect(changedWords(rowsOf(patientDiff.source, 'added')[0])).toEqual(['Ask'])
    const student = diff.documents[2]
    expect(rowsOf(student.source, 'added').map((r) => r.kind === 'added' && r.text)).toEqual([
      'A student version [@serum-flc-assay].',
    ])
    expect('rows' in student.rendered && rowsOf(student.rendered, 'added')).toHaveLength(3)
  })

  it('shows a reference edited in between field by field, and in the rendered list', () => {
    const target = seed.references[0]
    const edited: CslItem = canonicalReference({
      ...target,
      title: `${target.title} (corrected)`,
      DOI: '10.5555/corrected.2021',
      author: [{ family: 'Roe', given: 'Richard' }],
    })
    const diff = reviewDiff(
      seed,
      { ...seed, references: seed.references.map((r) => (r.id === target.id ? edited : r)) },
      processor,
    )
    expect(diff.changed).toBe(true)
    expect(diff.references.unchanged).toBe(seed.references.length - 1)
    const [change] = diff.references.changes
    expect(change).toMatchObject({ key: target.id, change: 'changed' })
    expect(change.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['title', target.title, edited.title],
      ['author', null, 'Richard Roe'],
      ['DOI', null, '10.5555/corrected.2021'],
    ])
    expect(changedWords(rowsOf(change.fields[0].diff, 'added')[0])).toEqual(['(corrected)'])
    // Readers see it in the reference list: the source did not change.
    const main = diff.documents[0]
    expect(main.source.changed).toBe(false)
    expect(main.change).toBe('changed')
    if (!('rows' in main.rendered)) throw new Error('not rendered')
    expect(rowsOf(main.rendered, 'added')).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(/^1\. Roe R\. Alkaline phosphatase.*\(corrected\)/),
      }),
    ])
  })

  it('lists added and removed references with every field', () => {
    const [first, ...rest] = seed.references
    const added = canonicalReference({
      id: 'new-2024',
      type: 'article-journal',
      title: 'A new study',
      issued: { 'date-parts': [[2024, 3, 1]] },
    })
    const diff = reviewDiff(seed, { ...seed, references: [...rest, added] }, processor)
    expect(diff.references.changes.map((c) => [c.key, c.change])).toEqual([
      ['new-2024', 'added'],
      [first.id, 'removed'],
    ])
    expect(diff.references.changes[0].fields.map((f) => [f.field, f.after])).toEqual([
      ['type', 'article-journal'],
      ['title', 'A new study'],
      ['issued', '2024-3-1'],
    ])
    expect(diff.references.changes[1].fields.every((f) => f.after === null)).toBe(true)
  })

  it('shows title and summary changes', () => {
    const diff = reviewDiff(
      seed,
      { ...seed, title: 'Is low ALP linked to myeloma?', summary: '' },
      processor,
    )
    const main = diff.documents[0]
    expect([main.title.added, main.title.removed]).toEqual([1, 1])
    expect(main.summary.removed).toBe(1)
    expect(main.summary.added).toBe(0)
  })
})

describe('readerLines', () => {
  it('puts each block on its own line with list markers, table rows and code lines', () => {
    const markdown = [
      '# Heading',
      '',
      'A *paragraph* with a [link](https://example.org) and ![an image](https://example.org/a.png).',
      '',
      '1. first',
      '2. second',
      '   - nested',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '```',
      'code line 1',
      'code line 2',
      '```',
      '',
      '> quoted',
    ].join('\n')
    const result = processor.render({ markdown, references: [] })
    expect(readerLines(result)).toEqual([
      'Heading',
      'A paragraph with a link and [image: an image].',
      '1. first',
      '2. second',
      '  • nested',
      'a | b',
      '1 | 2',
      'code line 1',
      'code line 2',
      'quoted',
    ])
  })
})

describe('hostile input', () => {
  const time = <T>(run: () => T): [T, number] => {
    const start = performance.now()
    const value = run()
    return [value, performance.now() - start]
  }

  it('two different bodies at the length limit: bounded, shown as replaced', () => {
    const lines = (seed: number) =>
      Array.from({ length: 20_000 }, (_, i) => `line ${(i * seed) % 9973} ${'x'.repeat(i % 5)}`)
        .join('\n')
        .slice(0, MARKDOWN_LIMITS.maxLength)
    const [diff, ms] = time(() => diffText(lines(7), lines(13)))
    expect(ms).toBeLessThan(DIFF_LIMITS.timeoutMs * 3)
    expect(diff.changed).toBe(true)
    const listed = diff.rows.filter((r) => r.kind === 'added' || r.kind === 'removed').length
    expect(listed).toBeLessThanOrEqual(DIFF_LIMITS.maxChangedRows)
    expect(diff.rows.at(-1)).toMatchObject({ kind: 'omitted' })
    expect(diff.added + diff.removed).toBeGreaterThan(DIFF_LIMITS.maxChangedRows)
  })

  it('one huge line changed in many places: words are not compared past the limit', () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `w${i}`)
    const before = words.join(' ')
    const after = words.map((w, i) => (i % 3 ? w : `${w}x`)).join(' ')
    const [diff, ms] = time(() => diffText(before, after))
    expect(ms).toBeLessThan(2_000)
    expect(diff.rows.map((r) => r.kind)).toEqual(['removed', 'added'])
    expect(diff.rows.every((r) => !('words' in r))).toBe(true)
  })

  it('pathological Markdown past the limits is compared as source only, and never hangs', () => {
    const nested = '>'.repeat(5_000) + ' deep'
    const brackets = '['.repeat(20_000)
    const [diff, ms] = time(() =>
      reviewDiff(seed, { ...seed, body: `${nested}\n\n${brackets}` }, processor),
    )
    expect(ms).toBeLessThan(5_000)
    const main = diff.documents[0]
    expect(main.change).toBe('changed')
    expect(rowsOf(main.source, 'added').map((r) => r.kind === 'added' && r.text)).toEqual([
      nested,
      brackets,
    ])
    expect(main.rendered).toEqual({
      unavailable: expect.stringMatching(/^This revision cannot be rendered: .*line 1, column/),
    })
  })

  it('pathological Markdown within the limits renders and diffs in bounded time', () => {
    const dense = Array.from(
      { length: 80 },
      (_, i) => `${'*a '.repeat(12)}[x](y) \`c\` ${'_'.repeat(10)} ${i}`,
    ).join('\n\n')
    const body = `${dense}\n\n${'- '.repeat(20)}item`
    const [diff, ms] = time(() => reviewDiff(seed, { ...seed, body }, processor))
    expect(ms).toBeLessThan(5_000)
    expect('rows' in diff.documents[0].rendered).toBe(true)
  })
})
