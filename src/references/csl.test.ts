import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { CSL_TYPES, cslItemSchema } from './csl'

const fixture = (name: string): unknown[] =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'))

const messages = (input: unknown) => {
  const result = cslItemSchema.safeParse(input)
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('cslItemSchema', () => {
  it('accepts a Zotero CSL JSON export, keeping every field it has', () => {
    const exported = fixture('zotero-export.json')
    const items = cslItemSchema.array().parse(exported)
    expect(items.map((item) => item.id)).toEqual([
      'polack2020',
      'vandedonk2021',
      'harrison21',
      'nci-pdq-myeloma',
    ])
    const [polack, donk, harrison] = items
    // Zotero writes PubMed's identifiers into the note ("Extra"): they move to their fields.
    expect(Object.keys(polack!).sort()).toEqual(
      [
        ...Object.keys(exported[0] as object).filter((key) => key !== 'note'),
        'PMID',
        'PMCID',
      ].sort(),
    )
    expect(polack).toMatchObject({ PMID: '33301246', PMCID: 'PMC7745181' })
    expect(donk).toMatchObject({ PMID: '33516340' })
    expect(donk!.note).toBeUndefined()
    // Zotero writes years as strings; they become numbers.
    expect(polack!.issued).toEqual({ 'date-parts': [[2020, 12, 31]] })
    expect(polack!.accessed).toEqual({ 'date-parts': [[2024, 3, 18]] })
    expect(polack!.author).toHaveLength(30)
    expect(polack!.journalAbbreviation).toBe('N Engl J Med')
    expect(polack!.abstract).toMatch(/^Background: Severe acute/)
    expect(donk!.author![0]).toEqual({
      family: 'Donk',
      given: 'Niels W. C. J.',
      'non-dropping-particle': 'van de',
    })
    expect(harrison!.ISBN).toBe('9781264268504')
    expect(harrison!.editor).toHaveLength(6)
  })

  it('accepts a PubMed (NCBI Literature Citation Exporter) CSL export', () => {
    const exported = fixture('pubmed-export.json')
    const items = cslItemSchema.array().parse(exported)
    expect(items.map((item) => item.id)).toEqual(['pmid:25439696', 'pmid:33301246'])
    const [rajkumar, polack] = items
    expect(rajkumar).toMatchObject({
      type: 'article-journal',
      'container-title-short': 'Lancet Oncol',
      ISSN: '1474-5488',
      'publisher-place': 'England',
      source: 'PubMed',
      status: 'ppublish',
      PMID: '25439696',
      DOI: '10.1016/S1470-2045(14)70442-5',
      issued: { 'date-parts': [[2014, 11]] },
    })
    expect(polack!.PMCID).toBe('PMC7745181')
    expect(Object.keys(polack!).sort()).toEqual(Object.keys(exported[1] as object).sort())
  })

  it('accepts every CSL 1.0.2 item type', () => {
    expect(CSL_TYPES).toHaveLength(45)
    for (const type of CSL_TYPES) {
      expect(messages({ id: 'k', type, title: 'T' }), type).toEqual([])
    }
  })

  it('normalizes identifiers instead of refusing a resolver prefix', () => {
    const item = cslItemSchema.parse({
      id: 'k',
      type: 'article-journal',
      title: 'T',
      DOI: 'https://doi.org/10.1056/NEJMoa2034577',
      PMID: 33301246,
      PMCID: '7745181',
      ISBN: '0-306-40615-2',
      URL: ' https://example.org/a ',
    })
    expect(item).toMatchObject({
      DOI: '10.1056/NEJMoa2034577',
      PMID: '33301246',
      PMCID: 'PMC7745181',
      ISBN: '0306406152',
      URL: 'https://example.org/a',
    })
  })

  it('reads names with particles, suffix and literal, and dates in every CSL form', () => {
    const item = cslItemSchema.parse({
      id: 17,
      type: 'book',
      title: 'T',
      volume: 3,
      author: [
        { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' },
        { family: 'Frenck', given: 'Robert W', suffix: 'Jr', 'comma-suffix': true },
        { literal: 'World Health Organization' },
      ],
      issued: { 'date-parts': [['2021', '3']] },
      'original-date': { 'date-parts': [[1999], [2001]], circa: true },
      'event-date': { 'date-parts': [[2020]], season: 'Spring' },
      submitted: { literal: 'in press' },
      accessed: { raw: '2021-03-04' },
      'available-date': { raw: 'Spring 2021' },
    })
    expect(item.id).toBe('17')
    expect(item.volume).toBe('3')
    expect(item.author).toHaveLength(3)
    expect(item.issued).toEqual({ 'date-parts': [[2021, 3]] })
    expect(item['original-date']).toEqual({ 'date-parts': [[1999], [2001]], circa: true })
    expect(item['event-date']).toEqual({ 'date-parts': [[2020]], season: 'Spring' })
    expect(item.submitted).toEqual({ literal: 'in press' })
    expect(item.accessed).toEqual({ 'date-parts': [[2021, 3, 4]] })
    expect(item['available-date']).toEqual({ raw: 'Spring 2021' })
  })

  it('moves identifier lines out of the note, unless they disagree with a field or are invalid', () => {
    const item = cslItemSchema.parse({
      id: 'k',
      type: 'book',
      title: 'T',
      DOI: '10.1/x',
      note: 'Read in 2020.\nDOI: https://doi.org/10.1/x\nPMID: 42\nISBN: 12\nPMCID: PMC7 \nDOI: 10.2/y',
    })
    expect(item).toMatchObject({ DOI: '10.1/x', PMID: '42', PMCID: 'PMC7' })
    expect(item.note).toBe('Read in 2020.\nISBN: 12\nDOI: 10.2/y')
    expect(cslItemSchema.parse({ id: 'k', type: 'book', title: 'T', note: 'PMID: 1' })).toEqual({
      id: 'k',
      type: 'book',
      title: 'T',
      PMID: '1',
    })
  })

  it('drops empty values and writes fields in one order', () => {
    const item = cslItemSchema.parse({
      note: '',
      custom: {},
      URL: null,
      editor: [],
      title: 'T',
      zeta: 'z',
      type: 'book',
      ISSN: '1234-5679',
      id: 'k',
    })
    expect(JSON.stringify(item)).toBe(
      '{"id":"k","type":"book","title":"T","ISSN":"1234-5679","zeta":"z"}',
    )
  })

  it('refuses what it cannot read, saying which field and what to do', () => {
    expect(messages({ type: 'journal', title: ' ', DOI: 'not-a-doi', PMID: '12a' })).toEqual([
      'id: a reference needs an "id": its citation key, cited in Markdown as [@key]',
      expect.stringMatching(
        /^type: "journal" is not a CSL item type: use a CSL 1\.0\.2 type: article-journal/,
      ),
      'title: a reference needs a title: the title of the work cited',
      'DOI: "not-a-doi" is not valid: a DOI looks like 10.1234/abc (a https://doi.org/ or doi: prefix is removed for you)',
      'PMID: "12a" is not valid: a PMID is 1 to 8 digits, e.g. 33301246',
    ])
    expect(messages({ id: 'k.', type: 'book', title: 'T' })).toEqual([
      'id: a citation key starts with a letter, digit or underscore and does not end in punctuation, e.g. smith2021',
    ])
    expect(
      messages({
        id: 'k',
        type: 'book',
        title: 'T',
        author: [{ given: 'Jane' }],
        issued: { 'date-parts': [['spring']] },
        accessed: { season: 1 },
        ISBN: '978-1-264-26850-5',
        abstract: ['a', 'b'],
      }),
    ).toEqual([
      'abstract: expected text, got a list: write it as a string',
      'author.0: a name needs "family" (with optional "given"), or "literal" for an organization, e.g. {"family": "Smith", "given": "Jane"}',
      'accessed: a date needs "date-parts" (e.g. {"date-parts": [[2021, 3]]}), "literal" or "raw"',
      'issued.date-parts.0.0: a date part is a whole number: [[2021, 3, 14]] is 14 March 2021',
      'ISBN: "9781264268505" is not valid: an ISBN has 10 or 13 digits (hyphens and spaces are removed for you) and must end in the right check digit: copy it again from the book',
    ])
  })
})
