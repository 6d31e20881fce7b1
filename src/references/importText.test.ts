import { readFileSync } from 'node:fs'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { CslItem } from './csl'
import { sameWork } from './duplicates'
import {
  checkSelection,
  detectFormat,
  prepareEntries,
  readReferenceText,
  type PreparedEntry,
} from './importText'
import { formatOfFileName, REFERENCE_FORMATS } from './formats'
import { baseCitationKey, uniqueCitationKey } from './keys'
import { medlineDate } from './medline'

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url), 'utf8')

const prepare = (text: string, options?: Parameters<typeof prepareEntries>[1]) =>
  prepareEntries(readReferenceText(text).entries, options)

const item = (entry: PreparedEntry | undefined): CslItem => {
  if (!entry?.item) throw new Error(`no item: ${JSON.stringify(entry?.problems)}`)
  return entry.item
}

describe('readReferenceText with real exports', () => {
  it('reads a Zotero BibTeX export, keeping its key, its organisations and the PMID in its note', () => {
    const [sasson] = prepare(fixture('zotero-sasson2013.bib'), { keepSourceKeys: true })
    expect(sasson?.key).toBe('sasson_increasing_2013')
    expect(sasson?.keySource).toBe('source')
    const csl = item(sasson)
    expect(csl).toMatchObject({
      type: 'article-journal',
      'container-title': 'Circulation',
      volume: '127',
      issue: '12',
      page: '1342-1350',
      DOI: '10.1161/CIR.0b013e318288b4dd',
      PMID: '23439512',
      issued: { 'date-parts': [[2013, 3]] },
    })
    expect(csl.author?.[0]).toEqual({ family: 'Sasson', given: 'Comilla' })
    expect(csl.author).toContainEqual({ family: 'Emergency Cardiovascular Care Committee' })
    expect(csl.author).toHaveLength(20)
  })

  it("reads doi.org's and Google Scholar's one-line BibTeX", () => {
    const [frank] = prepare(fixture('doi-org-frank1970.bib'), { keepSourceKeys: true })
    expect(item(frank)).toMatchObject({
      id: 'Frank_1970',
      'container-title': 'Science',
      DOI: '10.1126/science.169.3946.635',
      page: '635-641',
      issued: { 'date-parts': [[1970, 8]] },
    })
    const [oliveira] = prepare(fixture('google-scholar-oliveira2009.bib'))
    expect(oliveira?.keySource).toBe('generated')
    expect(item(oliveira)).toMatchObject({
      id: 'oliveira2009usgs',
      'container-title': 'Oil & Gas Journal',
    })
  })

  it('reads PubMed MEDLINE records: authors in full, DOI from LID, PMCID, the period PubMed adds dropped', () => {
    const entries = prepare(fixture('pubmed-8692918-and-book-chapter.nbib'))
    expect(entries.map((e) => [e.key, e.line, e.problems])).toEqual([
      ['vanraaij1996structure', 1, []],
      ['riegertjohnson2009peutz', 81, []],
    ])
    expect(item(entries[0])).toMatchObject({
      type: 'article-journal',
      title:
        'The structure of bovine F1-ATPase complexed with the antibiotic inhibitor aurovertin B',
      'container-title':
        'Proceedings of the National Academy of Sciences of the United States of America',
      'container-title-short': 'Proc Natl Acad Sci U S A',
      issued: { 'date-parts': [[1996, 7, 9]] },
      volume: '93',
      issue: '14',
      page: '6913-7',
      PMID: '8692918',
      PMCID: 'PMC38908',
      ISSN: '0027-8424',
    })
    expect(item(entries[0]).author?.[0]).toEqual({ family: 'van Raaij', given: 'M J' })
    expect(item(entries[1])).toMatchObject({
      type: 'chapter',
      title: 'Peutz-Jeghers Syndrome',
      'container-title': 'Cancer Syndromes',
      publisher: 'National Center for Biotechnology Information (US)',
      PMID: '21249755',
    })
    expect(item(entries[1]).editor?.[0]).toEqual({ family: 'Riegert-Johnson', given: 'Douglas L' })

    const [fujiwara] = prepare(fixture('pubmed-25744111.nbib'))
    expect(item(fujiwara).DOI).toBe('10.1016/j.puhe.2015.01.018')
  })

  it('reads a MEDLINE download with Windows line ends, and one that starts with a blank line', () => {
    const [manoubi] = prepare(fixture('pubmed-36216673-crlf.nbib'))
    expect(item(manoubi)).toMatchObject({
      id: 'manoubi2022lichtenberg',
      DOI: '10.1016/j.wem.2022.07.008',
      issued: { 'date-parts': [[2022, 10, 7]] },
    })
    expect(item(manoubi).title).not.toMatch(/\r/)
    const [gout] = prepare(fixture('pubmed-8402898.nbib'))
    expect(gout?.line).toBe(2)
    // "AU  - et al." is not an author.
    expect(item(gout).author).toHaveLength(10)
  })

  it('reads Scopus RIS, and says which record has no title and on which line', () => {
    const entries = prepare(fixture('scopus-crlf.ris'))
    expect(item(entries[0])).toMatchObject({
      id: 'bryan2008using',
      'container-title': 'Journal of the National Medical Association',
      DOI: '10.1016/S0027-9684(15)31340-7',
      page: '674-682',
      note: 'Cited By :10\nExport Date: 13 July 2022',
    })
    expect(entries[1]?.item).toBeUndefined()
    expect(entries[1]?.problems).toEqual([
      expect.objectContaining({
        entry: 2,
        line: 20,
        ruleId: 'field',
        message: expect.stringMatching(/needs a title/),
      }),
    ])
  })

  it('reads EndNote RIS written with one space before the dash', () => {
    const [castoe] = prepare(fixture('endnote-single-space-tags.ris'))
    expect(item(castoe)).toMatchObject({
      id: 'castoe2009rapid',
      'container-title': 'Molecular Ecology Resources',
      ISSN: '1755-0998',
    })
  })

  it('detects each format, and takes the format from a file name', () => {
    expect(detectFormat(fixture('zotero-sasson2013.bib'))).toBe('bibtex')
    expect(detectFormat(fixture('scopus-crlf.ris'))).toBe('ris')
    expect(detectFormat(fixture('pubmed-8402898.nbib'))).toBe('medline')
    expect(detectFormat('[{"type": "book", "title": "T"}]')).toBe('csl-json')
    expect(detectFormat('10.1161/CIR.0b013e318288b4dd\nPMID: 23439512')).toBe('identifiers')
    expect(detectFormat('just some words')).toBeUndefined()
    expect(formatOfFileName('references.nbib')).toBe('medline')
    expect(formatOfFileName('My Library.bib')).toBe('bibtex')
    expect(formatOfFileName('x.ris')).toBe('ris')
    expect(formatOfFileName('x.docx')).toBeUndefined()
  })
})

describe('readReferenceText: one bad entry never hides the others', () => {
  const three = [
    fixture('zotero-sasson2013.bib'),
    '@article{broken title = {No comma}}',
    fixture('doi-org-frank1970.bib'),
  ].join('\n')

  it('reads the good BibTeX entries around a broken one and places the problem', () => {
    const entries = prepare(three, { keepSourceKeys: true })
    expect(entries.map((e) => e.key)).toEqual(['sasson_increasing_2013', 'anonnd', 'Frank_1970'])
    expect(entries[0]?.item).toBeDefined()
    expect(entries[2]?.item).toBeDefined()
    expect(entries[1]?.problems).toEqual([
      expect.objectContaining({
        entry: 2,
        line: 17,
        column: 17,
        ruleId: 'syntax',
        message: expect.stringMatching(/^BibTeX entry 2 cannot be read: expected "comma"/),
      }),
    ])
  })

  it('is not misled by escaped braces inside a field', () => {
    const text =
      '@article{a1, title = {An open brace \\{ alone}, year = 2020, author = {Roe, Ann}}\n@book{b1, title = {Second}, year = 2021}'
    const entries = prepare(text, { keepSourceKeys: true })
    expect(entries.map((e) => [e.key, e.line, e.problems])).toEqual([
      ['a1', 1, []],
      ['b1', 2, []],
    ])
  })

  it('applies @string definitions and skips @comment and @preamble', () => {
    const text =
      '@comment{exported}\n@preamble{"x"}\n@string{circ = "Circulation"}\n@article{a1, title = {Heart}, journal = circ, year = 2020, author = {Roe, Ann}}'
    const [entry] = prepare(text, { keepSourceKeys: true })
    expect(item(entry)).toMatchObject({ id: 'a1', 'container-title': 'Circulation' })
  })

  it('places CSL-JSON items and JSON syntax errors on their lines', () => {
    const entries = prepare(
      '[\n  {"type": "book", "title": "One"},\n  {"type": "nonsense", "title": "Two"}\n]',
    )
    expect(entries.map((e) => e.line)).toEqual([2, 3])
    expect(entries[1]?.problems[0]).toMatchObject({
      entry: 2,
      line: 3,
      message: expect.stringMatching(/"type": "nonsense" is not a CSL item type/),
    })
    const [broken] = readReferenceText('[\n {"type": "book",\n  "title": }\n]').entries
    expect(broken?.problems[0]).toMatchObject({ line: 3, ruleId: 'syntax' })
  })

  it('reads a list of DOIs and PMIDs and says which token is neither', () => {
    const { entries } = readReferenceText(
      'https://doi.org/10.1126/science.169.3946.635\nPMID: 23439512\n\nPMC38908 not-an-id',
      'identifiers',
    )
    expect(entries.map((e) => [e.line, e.lookup, e.problems.map((p) => p.message)])).toEqual([
      [1, { variable: 'DOI', value: '10.1126/science.169.3946.635' }, []],
      [2, { variable: 'PMID', value: '23439512' }, []],
      [4, undefined, ['"PMC38908" is a PMCID: look it up by its PMID or DOI instead']],
      [4, undefined, ['"not-an-id" is not a DOI (10.1234/abc) or a PMID (1 to 8 digits)']],
    ])
  })

  it('says plainly when the text is empty or in no known format', () => {
    expect(readReferenceText('  \n').problems).toEqual([
      expect.objectContaining({ line: 1, ruleId: 'empty' }),
    ])
    expect(readReferenceText('Smith J. A paper. 2020.').problems[0]?.message).toMatch(
      /could not tell the format/,
    )
    expect(
      readReferenceText('PMID- 1\nTI  - x\n stray line', 'medline').entries[0]?.problems[0],
    ).toMatchObject({ line: 3, ruleId: 'syntax' })
  })

  it('never throws on hostile input, and every problem has a place', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({
        unit: fc.constantFrom(
          '@',
          '{',
          '}',
          '(',
          ')',
          ',',
          '=',
          '"',
          '\\',
          '\n',
          'a',
          '1',
          ' ',
          '%',
          '#',
        ),
        maxLength: 200,
      }),
      fc
        .array(
          fc.constantFrom(
            'TY  - JOUR',
            'TI  - x',
            'ER  - ',
            'PMID- 12',
            'AU  - A B',
            '      cont',
            'DP  - 2020 Foo',
            '@article{k,',
            'title={',
            '}',
            '[',
            '{"type":',
            '10.1/x',
            '',
          ),
          { maxLength: 30 },
        )
        .map((lines) => lines.join('\n')),
    )
    fc.assert(
      fc.property(
        hostile,
        fc.option(fc.constantFrom(...REFERENCE_FORMATS), { nil: undefined }),
        (text, format) => {
          const read = readReferenceText(text, format)
          const lines = text.split(/\r\n|\r|\n/).length
          const entries = prepareEntries(read.entries, { keepSourceKeys: true })
          for (const p of [...read.problems, ...entries.flatMap((e) => e.problems)]) {
            expect(p.line).toBeGreaterThanOrEqual(1)
            expect(p.line).toBeLessThanOrEqual(lines)
            expect(p.message.length).toBeGreaterThan(0)
          }
          for (const e of entries) {
            expect(e.item !== undefined || e.problems.length > 0 || e.lookup !== undefined).toBe(
              true,
            )
            expect(e.key).toMatch(/\S/)
          }
          // Nothing read means a problem says why.
          expect(
            entries.some((e) => e.item) ||
              read.problems.length > 0 ||
              entries.some((e) => e.problems.length > 0 || e.lookup),
          ).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('citation keys: firstauthorYEARword', () => {
  it('uses the first author, the year and the first significant title word, in lowercase ASCII', () => {
    expect(
      baseCitationKey({
        author: [{ family: 'Müller-Lüdenscheidt' }],
        issued: { 'date-parts': [[2021]] },
        title: 'The Ærø study of ß-blockers',
      }),
    ).toBe('mullerludenscheidt2021aero')
    expect(
      baseCitationKey({
        author: [{ literal: 'World Health Organization' }],
        issued: { 'date-parts': [[2019]] },
        title: 'Guidelines',
      }),
    ).toBe('world2019guidelines')
    expect(baseCitationKey({ title: 'A 2020 view' })).toBe('anonndview')
  })

  it('makes keys unique in the batch and against taken keys: a2020word, a2020wordb, …', () => {
    expect(uniqueCitationKey('a2020word', new Set())).toBe('a2020word')
    expect(uniqueCitationKey('a2020word', new Set(['a2020word']))).toBe('a2020wordb')
    expect(uniqueCitationKey('a2020word', new Set(['a2020word', 'a2020wordb']))).toBe('a2020wordc')
    const taken = new Set([
      'a2020word',
      ...'bcdefghijklmnopqrstuvwxyz'.split('').map((l) => `a2020word${l}`),
    ])
    expect(uniqueCitationKey('a2020word', taken)).toBe('a2020wordbb')

    const ris = fixture('scopus-crlf.ris').split('TY  - JOUR\r\nT2')[0] as string
    const twice = prepare(ris + ris, { taken: ['bryan2008using'] })
    expect(twice.map((e) => e.key)).toEqual(['bryan2008usingb', 'bryan2008usingc'])
  })

  it('replaces a BibTeX key that cannot be cited, or is taken, with a generated one', () => {
    const [spaced] = prepare(
      '@article{smith_testing_????, title = {Testing}, author = {Smith, J}, year = 2020}',
      { keepSourceKeys: true },
    )
    expect(spaced?.key).toBe('smith2020testing')
    const [taken] = prepare(fixture('zotero-sasson2013.bib'), {
      keepSourceKeys: true,
      taken: ['sasson_increasing_2013'],
    })
    expect(taken).toMatchObject({ key: 'sasson2013increasing', keySource: 'generated' })
  })
})

describe('duplicates: sameWork', () => {
  const sasson = item(prepare(fixture('zotero-sasson2013.bib'))[0])
  const bryan = item(prepare(fixture('scopus-crlf.ris'))[0])

  it('is the same DOI (any case), the same PMID or the same normalized title', () => {
    expect(sameWork(sasson, { DOI: '10.1161/cir.0B013E318288B4DD' })).toBe('doi')
    expect(sameWork(sasson, { PMID: '23439512' })).toBe('pmid')
    expect(
      sameWork(bryan, {
        title:
          'USING focus-groups to adapt ethnically appropriate information seeking and recruitment messages for a prostate cancer screening program for men at high risk.',
      }),
    ).toBe('title')
    expect(sameWork(sasson, bryan)).toBeUndefined()
    expect(sameWork({ title: '' }, { title: '!!' })).toBeUndefined()
  })

  it('flags a repeat in the batch and a reference already stored', () => {
    const text =
      fixture('zotero-sasson2013.bib') +
      '\n' +
      fixture('zotero-sasson2013.bib').replace('sasson_increasing_2013', 'again')
    const entries = prepare(text, {
      keepSourceKeys: true,
      existing: [{ key: 'bryan2008', item: bryan }],
    })
    expect(entries[1]?.duplicate).toEqual({
      key: 'sasson_increasing_2013',
      reason: 'doi',
      existing: false,
      entry: 1,
    })
    const stored = prepare(fixture('scopus-crlf.ris'), {
      existing: [{ key: 'bryan2008', item: bryan }],
    })
    expect(stored[0]?.duplicate).toEqual({ key: 'bryan2008', reason: 'doi', existing: true })
  })
})

describe('medlineDate', () => {
  it('reads years, months, days, ranges and seasons', () => {
    expect(medlineDate('1996 Jul 9')).toEqual({ 'date-parts': [[1996, 7, 9]] })
    expect(medlineDate('2015 May')).toEqual({ 'date-parts': [[2015, 5]] })
    expect(medlineDate('2000 Jan-Feb')).toEqual({ 'date-parts': [[2000, 1]] })
    expect(medlineDate('2001 Spring')).toEqual({ 'date-parts': [[2001]], season: 1 })
    expect(medlineDate('2021')).toEqual({ 'date-parts': [[2021]] })
    expect(medlineDate('')).toBeUndefined()
  })
})

describe('checkSelection: what may be saved', () => {
  const [sasson] = prepare(fixture('zotero-sasson2013.bib'))
  const [bryan] = prepare(fixture('scopus-crlf.ris'))
  const csl = (entry: PreparedEntry | undefined) => {
    const { id: _id, ...rest } = item(entry)
    return rest
  }

  it('gives the items under the chosen keys when every one can be saved', () => {
    const result = checkSelection(
      [
        { key: 'sasson2013', csl: csl(sasson) },
        { key: ' bryan2008 ', csl: csl(bryan) },
      ],
      { takenKeys: new Set(), existing: [] },
    )
    expect(result.ok && result.items.map((i) => i.id)).toEqual(['sasson2013', 'bryan2008'])
  })

  it('lists every problem: invalid, repeated key, taken key, duplicate of stored or chosen', () => {
    const result = checkSelection(
      [
        { key: 'a1', csl: csl(sasson) },
        { key: 'a1', csl: csl(bryan) },
        { key: 'taken', csl: { type: 'book', title: 'Other' } },
        { key: 'ends-', csl: { type: 'book', title: 'Third' } },
        { key: 'b1', csl: { ...csl(sasson), title: 'Retitled' } },
        { key: 'c1', csl: csl(bryan) },
      ],
      {
        takenKeys: new Set(['taken']),
        existing: [{ key: 'stored-bryan', item: item(bryan) }],
      },
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => [p.index, p.code])).toEqual([
      [1, 'key_repeated'],
      [2, 'key_taken'],
      [3, 'invalid_reference'],
      [4, 'duplicate'],
      [5, 'duplicate'],
    ])
    expect(result.problems[3]?.message).toBe(
      'the same work (same DOI) as "a1", also chosen: keep one',
    )
    expect(result.problems[4]?.message).toBe(
      'the same work (same DOI) as the stored reference "stored-bryan": cite [@stored-bryan] instead',
    )
  })
})
