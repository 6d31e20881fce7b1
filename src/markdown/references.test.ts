import { describe, expect, it } from 'vitest'
import type { CslItem } from '../content/csl'
import { createMarkdownProcessor, toHtml, toProblems } from './index'
import { createReferenceFormatter } from './references'
import { sampleReferences } from './testing'

const [smith, lee, who, roe] = sampleReferences as [CslItem, CslItem, CslItem, CslItem]

describe('createReferenceFormatter', () => {
  it('formats each item independently of the order it is given in', () => {
    const formatter = createReferenceFormatter('vancouver')
    const forward = formatter.format([smith, lee, who, roe]).map((root) => root && toHtml(root))
    const backward = createReferenceFormatter('vancouver')
      .format([roe, who, lee, smith])
      .map((root) => root && toHtml(root))
    expect(backward).toEqual([...forward].reverse())
    expect(forward.every((html) => html !== undefined && !/^\d/.test(html))).toBe(true)
  })

  it('appends DOI and PMID links when the style does not print them', () => {
    // A book in Vancouver prints no DOI/PMID; the links are added at the end.
    const root = createReferenceFormatter('vancouver').format([
      { ...roe, DOI: '10.5555/book#1', PMID: '42' },
    ])[0]
    expect(toHtml(root!)).toBe(
      'Roe R. Clinical Chemistry by Example. Example Press; 2018. doi:<a href="https://doi.org/10.5555/book%231" rel="noopener noreferrer">10.5555/book#1</a> PubMed PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/42/" rel="noopener noreferrer">42</a>.',
    )
  })

  it('handles keys that are awkward in HTML', () => {
    const root = createReferenceFormatter('vancouver').format([{ ...lee, id: 'a"<b>&c' }])[0]
    expect(toHtml(root!)).toMatch(/^Lee M\. Osteoblast exhaustion/)
  })

  it('returns undefined for an item citation-js cannot format, and still formats the others', () => {
    const broken = { ...lee, id: 'broken', author: [{ family: 5 }] } as unknown as CslItem
    const [first, second] = createReferenceFormatter('vancouver').format([broken, roe])
    expect(first).toBeUndefined()
    expect(toHtml(second!)).toBe('Roe R. Clinical Chemistry by Example. Example Press; 2018.')
  })

  it('strips positions that would point into citation-js output', () => {
    const root = createReferenceFormatter('vancouver').format([roe])[0]
    expect(JSON.stringify(root)).not.toContain('position')
  })
})

describe('reference formatting problems in render', () => {
  it('are reported as errors and fall back to the title', () => {
    const broken = { ...lee, author: [{ family: 5 }] } as unknown as CslItem
    const result = createMarkdownProcessor().render({
      markdown: '[@lee2019]',
      references: [broken],
    })
    expect(toHtml(result.references[0]!.formatted)).toBe(
      'Osteoblast exhaustion in myeloma bone disease',
    )
    expect(toProblems(result.messages)).toEqual([
      {
        ruleId: 'reference-format',
        severity: 'error',
        message:
          'Reference `lee2019` could not be formatted: check its fields (type, title, authors, date)',
      },
    ])
  })
})
