import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  anchorAt,
  CONTEXT_LENGTH,
  editDistance,
  locateInSource,
  MAX_QUOTE_LENGTH,
  MIN_FUZZY_LENGTH,
  reattach,
  type Anchor,
  type Attachment,
} from './anchor'

const BODY = [
  '# Low ALP and myeloma',
  '',
  'Low alkaline phosphatase is not a recognised marker of multiple myeloma [@smith2020].',
  'Lytic lesions are usually seen with a normal ALP, because osteoblast activity is suppressed.',
  '',
  'Repeat the test after three months if the value stays low.',
].join('\n')

const anchorOf = (text: string, passage: string, field = 'body'): Anchor => {
  const start = text.indexOf(passage)
  const made = anchorAt(text, field, start, start + passage.length)
  if (!made.ok) throw new Error(made.message)
  return made.anchor
}

describe('anchorAt', () => {
  it('stores the quote with its context and its position', () => {
    const passage = 'osteoblast activity is suppressed'
    const anchor = anchorOf(BODY, passage)
    expect(anchor.exact).toBe(passage)
    expect(anchor.start).toBe(BODY.indexOf(passage))
    expect(anchor.end).toBe(anchor.start + passage.length)
    expect(anchor.prefix).toBe(BODY.slice(anchor.start - CONTEXT_LENGTH, anchor.start))
    expect(anchor.suffix).toBe(BODY.slice(anchor.end, anchor.end + CONTEXT_LENGTH))
    expect(anchor.suffix.startsWith('.\n\nRepeat the test')).toBe(true)
  })

  it('keeps what context there is at the edges of the text', () => {
    const anchor = anchorOf(BODY, '# Low ALP')
    expect(anchor.prefix).toBe('')
    expect(anchorOf(BODY, 'stays low.').suffix).toBe('')
  })

  it('refuses a selection outside the field, empty, too long, or of text the revision lacks', () => {
    expect(anchorAt(BODY, 'body', -1, 3)).toMatchObject({ ok: false, code: 'range_invalid' })
    expect(anchorAt(BODY, 'body', 5, BODY.length + 1)).toMatchObject({ code: 'range_invalid' })
    expect(anchorAt(BODY, 'body', 9, 4)).toMatchObject({ code: 'range_invalid' })
    expect(anchorAt(BODY, 'body', 1.5, 4)).toMatchObject({ code: 'range_invalid' })
    expect(anchorAt(BODY, 'body', 21, 23)).toMatchObject({ code: 'quote_empty' })
    expect(anchorAt(BODY, 'title', 0, 4)).toMatchObject({ code: 'field_unknown' })
    expect(anchorAt(BODY, 'body', 0, 5, '# Hig')).toMatchObject({ code: 'quote_mismatch' })
    const long = 'x'.repeat(MAX_QUOTE_LENGTH + 1)
    expect(anchorAt(long, 'body', 0, long.length)).toMatchObject({ code: 'quote_too_long' })
    expect(anchorAt(BODY, 'variants.0.body', 0, 5, '# Low')).toMatchObject({ ok: true })
  })
})

describe('reattach', () => {
  const passage = 'Lytic lesions are usually seen with a normal ALP'
  const anchor = anchorOf(BODY, passage)

  it('is attached where the quote still is', () => {
    expect(reattach(anchor, BODY)).toEqual({
      status: 'attached',
      start: anchor.start,
      end: anchor.end,
      text: passage,
      exact: true,
    })
  })

  it('follows the quote when text before it changed', () => {
    const edited = BODY.replace('# Low ALP and myeloma', '# Is low ALP a sign of myeloma?')
    const moved = reattach(anchor, edited)
    expect(moved).toMatchObject({ status: 'moved', exact: true, text: passage })
    if (moved.status === 'outdated') throw new Error('outdated')
    expect(edited.slice(moved.start, moved.end)).toBe(passage)
  })

  it('re-attaches a passage whose words were edited, and says it changed', () => {
    const edited = BODY.replace('usually seen with a normal ALP', 'usually found with a normal ALP')
    const moved = reattach(anchor, edited)
    expect(moved).toMatchObject({ status: 'moved', exact: false })
    if (moved.status === 'outdated') throw new Error('outdated')
    expect(moved.text).toBe('Lytic lesions are usually found with a normal ALP')
  })

  it('is outdated when the passage was deleted, never attached elsewhere', () => {
    const edited = BODY.replace(
      'Lytic lesions are usually seen with a normal ALP, because osteoblast activity is suppressed.\n',
      '',
    )
    expect(reattach(anchor, edited)).toEqual({ status: 'outdated' })
    expect(reattach(anchor, '')).toEqual({ status: 'outdated' })
  })

  it('is outdated when the passage was rewritten beyond recognition', () => {
    const edited = BODY.replace(passage, 'Bone lesions tell us little about phosphatase')
    expect(reattach(anchor, edited)).toEqual({ status: 'outdated' })
  })

  it('chooses, among exact repeats, the one whose context matches', () => {
    const text =
      'Take one tablet daily. Stop if it hurts.\nFor children: take one tablet daily. Ask first.'
    const second = text.lastIndexOf('take one tablet daily')
    const made = anchorAt(text, 'body', second, second + 'take one tablet daily'.length)
    if (!made.ok) throw new Error(made.message)
    // The first line gains words: both repeats move, the context picks the children's one.
    const edited =
      'Adults: take one tablet daily. Stop if it hurts.\nFor children: take one tablet daily. Ask first.'
    const moved = reattach(made.anchor, 'Note. ' + edited)
    if (moved.status === 'outdated') throw new Error('outdated')
    expect(moved.start).toBe(('Note. ' + edited).lastIndexOf('take one tablet daily'))
  })

  it('does not move a short quote to a coincidental occurrence without its context', () => {
    const text = 'The ALP was low. Then a long sentence follows here.'
    const made = anchorAt(text, 'body', 4, 7)
    if (!made.ok) throw new Error(made.message)
    const edited = 'The value was low. Much later, an unrelated ALP appears.'
    expect(reattach(made.anchor, edited)).toEqual({ status: 'outdated' })
    expect('ALP'.length).toBeLessThan(MIN_FUZZY_LENGTH)
  })

  it('editDistance is the Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })
})

/** A body of varied sentences from a fixed vocabulary (enough words that repeats are rare). */
const WORDS =
  'phosphatase alkaline myeloma lesion bone marrow calcium renal serum protein electrophoresis light chain plasma cell anaemia fracture imaging biopsy clinician patient trial cohort evidence guideline dose response follow up baseline marker threshold'.split(
    ' ',
  )
const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 6, maxLength: 14 })
  .map((w) => w.join(' ') + '. ')
const body = fc.array(sentence, { minLength: 6, maxLength: 30 }).map((s) => s.join(''))

describe('locateInSource', () => {
  it('finds a passage selected in the rendered text in the Markdown source', () => {
    const source = 'Intro.\n\nLow ALP is **not** a recognised marker [@smith2020].\n\nMore.'
    // As the rendered page reads: no emphasis marks, the citation as a number.
    const rendered = {
      exact: 'Low ALP is not a recognised marker',
      prefix: 'Intro.\n',
      suffix: ' 1.\nMore.',
    }
    const found = locateInSource(source, rendered)
    expect(found).toBeDefined()
    expect(source.slice(found!.start, found!.end)).toMatch(
      /^Low ALP is \*\*not\*\* a recognised marker/,
    )
    expect(locateInSource(source, { exact: 'Intro.', prefix: '', suffix: '' })).toEqual({
      start: 0,
      end: 6,
    })
    expect(
      locateInSource(source, {
        exact: 'A sentence the source never had at all',
        prefix: '',
        suffix: '',
      }),
    ).toBeUndefined()
    expect(locateInSource(source, { exact: '  ', prefix: '', suffix: '' })).toBeUndefined()
  })
})

describe('reattach, property-based', () => {
  it('finds the passage again after any edit outside it', () => {
    fc.assert(
      fc.property(
        body,
        fc.nat(),
        fc.integer({ min: 15, max: 80 }),
        fc.string({ maxLength: 60 }),
        fc.string({ maxLength: 60 }),
        fc.boolean(),
        (text, seed, length, before, after, deleteAround) => {
          const start = seed % Math.max(1, text.length - length)
          const end = Math.min(text.length, start + length)
          fc.pre(text.slice(start, end).trim() !== '')
          const made = anchorAt(text, 'body', start, end)
          if (!made.ok) throw new Error(made.message)
          const passage = text.slice(start, end)
          // Insert or delete text on both sides of the passage, never touching it.
          const head = deleteAround
            ? text.slice(Math.floor(start / 2), start)
            : text.slice(0, start) + before
          const tail = deleteAround
            ? text.slice(end, end + Math.floor((text.length - end) / 2))
            : after + text.slice(end)
          const edited = head + passage + tail
          const found = reattach(made.anchor, edited)
          expect(found.status).not.toBe('outdated')
          if (found.status === 'outdated') return
          expect(found.exact).toBe(true)
          expect(edited.slice(found.start, found.end)).toBe(passage)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('re-attaches a passage with a few characters edited inside it, to the edited passage', () => {
    fc.assert(
      fc.property(
        body,
        fc.nat(),
        fc.integer({ min: 40, max: 120 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'x', 'qz')), {
          minLength: 1,
          maxLength: 3,
        }),
        (text, seed, length, edits) => {
          const start = seed % Math.max(1, text.length - length)
          const end = Math.min(text.length, start + length)
          fc.pre(end - start >= 40)
          const made = anchorAt(text, 'body', start, end)
          if (!made.ok) throw new Error(made.message)
          let passage = text.slice(start, end)
          for (const [at, insert] of edits) {
            const i = at % passage.length
            passage = passage.slice(0, i) + insert + passage.slice(i + 1)
          }
          const edited = text.slice(0, start) + passage + text.slice(end)
          const found = reattach(made.anchor, edited)
          expect(found.status).not.toBe('outdated')
          if (found.status === 'outdated') return
          // Where the passage now is, give or take the edits at its very edges.
          expect(Math.abs(found.start - start)).toBeLessThanOrEqual(6)
          expect(Math.abs(found.end - (start + passage.length))).toBeLessThanOrEqual(6)
          expect(editDistance(found.text, passage)).toBeLessThanOrEqual(12)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('never reports a place the text does not have', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        (a, b, s, l) => {
          const start = a.length ? s % a.length : 0
          const end = Math.min(a.length, start + 1 + (l % 60))
          const made = anchorAt(a, 'body', start, end)
          if (!made.ok) return
          const found = reattach(made.anchor, b)
          if (found.status === 'outdated') return
          expect(found.start).toBeGreaterThanOrEqual(0)
          expect(found.end).toBeLessThanOrEqual(b.length)
          expect(b.slice(found.start, found.end)).toBe(found.text)
          if (found.exact) expect(found.text).toBe(made.anchor.exact)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('reattach at pathological sizes', () => {
  const timed = (run: () => Attachment) => {
    const started = performance.now()
    const result = run()
    return { result, ms: performance.now() - started }
  }

  it('stays fast on a 200 000-character body, for a moved, an edited and a deleted passage', () => {
    // A fixed pseudo-random sequence of words, so no 400-character run repeats.
    let seed = 2463534242
    const next = () => {
      // xorshift32: a fixed sequence with no short period.
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      return seed >>> 0
    }
    const words = Array.from(
      { length: 40_000 },
      (_, i) => WORDS[next() % WORDS.length] + (i % 13 === 0 ? '.' : ''),
    )
    const text = words.join(' ').slice(0, 200_000)
    expect(text.length).toBe(200_000)
    const start = 150_000
    const made = anchorAt(text, 'body', start, start + 400)
    if (!made.ok) throw new Error(made.message)
    const passage = text.slice(start, start + 400)

    const moved = timed(() => reattach(made.anchor, 'A new first line.\n' + text))
    expect(moved.result).toMatchObject({ status: 'moved', exact: true })
    const changed = passage.slice(0, 100) + 'CHANGED' + passage.slice(110)
    const edited = timed(() =>
      reattach(made.anchor, text.slice(0, start) + changed + text.slice(start + 400)),
    )
    expect(edited.result).toMatchObject({ status: 'moved', exact: false })
    const deleted = timed(() =>
      reattach(made.anchor, text.slice(0, start) + text.slice(start + 400)),
    )
    // This text repeats its vocabulary, so a lookalike may remain; what matters is the bound.
    expect(['moved', 'outdated']).toContain(deleted.result.status)
    for (const { ms } of [moved, edited, deleted]) expect(ms).toBeLessThan(2_000)
  })

  it('stays bounded on a text of one repeated character (every place matches nearly)', () => {
    const text = 'a'.repeat(200_000)
    const made = anchorAt('a'.repeat(100) + 'b' + 'a'.repeat(100), 'body', 50, 150)
    if (!made.ok) throw new Error(made.message)
    const run = timed(() => reattach(made.anchor, text))
    expect(run.result).toMatchObject({ status: 'moved', exact: false })
    expect(run.ms).toBeLessThan(3_000)
  })

  it('stays bounded for the longest quote against a text of one repeated character', () => {
    const quote = 'a'.repeat(2_500) + 'b' + 'a'.repeat(2_499)
    const made = anchorAt(quote, 'body', 0, quote.length)
    if (!made.ok) throw new Error(made.message)
    const run = timed(() => reattach(made.anchor, 'a'.repeat(200_000)))
    expect(run.result).toMatchObject({ status: 'moved', exact: false })
    expect(run.ms).toBeLessThan(3_000)
  })

  it('handles the longest quote against a long text', () => {
    const text = Array.from(
      { length: 4_000 },
      (_, i) => `Sentence ${i} says ${WORDS[i % WORDS.length]}.`,
    ).join(' ')
    const made = anchorAt(text, 'body', 1_000, 1_000 + MAX_QUOTE_LENGTH)
    if (!made.ok) throw new Error(made.message)
    const edited = text.replace('Sentence 100 says', 'Sentence one hundred says')
    const run = timed(() => reattach(made.anchor, edited))
    expect(run.result.status).toBe('moved')
    expect(run.ms).toBeLessThan(3_000)
  })
})
