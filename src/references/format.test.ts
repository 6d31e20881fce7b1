import { readFileSync } from 'node:fs'

import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'

import { type CslItem, cslItemSchema } from './csl'
import { createReferenceFormatter } from './format'
import { CITATION_STYLES } from './styles'

const [polack, donk, harrison, nci] = cslItemSchema
  .array()
  .parse(
    JSON.parse(readFileSync(new URL('./fixtures/zotero-export.json', import.meta.url), 'utf8')),
  ) as [CslItem, CslItem, CslItem, CslItem]
const [rajkumar] = cslItemSchema
  .array()
  .parse(
    JSON.parse(readFileSync(new URL('./fixtures/pubmed-export.json', import.meta.url), 'utf8')),
  ) as [CslItem]

const roe: CslItem = {
  id: 'roe2018',
  type: 'book',
  title: 'Clinical Chemistry by Example',
  author: [{ family: 'Roe', given: 'Richard' }],
  publisher: 'Example Press',
  issued: { 'date-parts': [[2018]] },
}
const lee: CslItem = {
  id: 'lee2019',
  type: 'article-journal',
  title: 'Osteoblast exhaustion in myeloma bone disease',
  author: [{ family: 'Lee', given: 'Min' }],
  'container-title': 'Example Bone Reports',
  issued: { 'date-parts': [[2019]] },
  volume: '7',
  page: '45-52',
}

const html = (root: Root | undefined) => (root === undefined ? undefined : toHtml(root))
const texts = (items: CslItem[], style: 'vancouver' | 'ama') =>
  createReferenceFormatter(style).format(items).map(html)

describe('createReferenceFormatter', () => {
  it('formats Vancouver (ICMJE/NLM): six authors then et al., abbreviated journal', () => {
    expect(texts([polack, rajkumar], 'vancouver')).toEqual([
      'Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, Lockhart S, et al. Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine. N Engl J Med. 2020 Dec 31;383(27):2603–15. doi:<a href="https://doi.org/10.1056/NEJMoa2034577" rel="noopener noreferrer">10.1056/NEJMoa2034577</a> PubMed PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/33301246/" rel="noopener noreferrer">33301246</a>; PubMed Central PMCID: PMC7745181.',
      'Rajkumar SV, Dimopoulos MA, Palumbo A, Blade J, Merlini G, Mateos MV, et al. International Myeloma Working Group updated criteria for the diagnosis of multiple myeloma. Lancet Oncol. 2014 Nov;15(12):e538-48. doi:<a href="https://doi.org/10.1016/S1470-2045(14)70442-5" rel="noopener noreferrer">10.1016/S1470-2045(14)70442-5</a> PubMed PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/25439696/" rel="noopener noreferrer">25439696</a>.',
    ])
  })

  it('formats AMA 11th edition: three authors then et al, italic journal, pages, doi:, PMID linked', () => {
    expect(texts([polack, donk, harrison, nci, rajkumar], 'ama')).toEqual([
      'Polack FP, Thomas SJ, Kitchin N, et al. Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine. <i>N Engl J Med</i>. 2020;383(27):2603-2615. doi:<a href="https://doi.org/10.1056/NEJMoa2034577" rel="noopener noreferrer">10.1056/NEJMoa2034577</a> PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/33301246/" rel="noopener noreferrer">33301246</a>',
      'van de Donk NWCJ, Pawlyn C, Yong KL. Multiple myeloma. <i>Lancet</i>. 2021;397(10272):410-427. doi:<a href="https://doi.org/10.1016/S0140-6736(21)00135-5" rel="noopener noreferrer">10.1016/S0140-6736(21)00135-5</a> PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/33516340/" rel="noopener noreferrer">33516340</a>',
      'Loscalzo J, Fauci A, Kasper D, Hauser S, Longo D, Jameson JL, eds. <i>Harrison’s Principles of Internal Medicine</i>. 21st ed. McGraw Hill; 2022.',
      'PDQ Adult Treatment Editorial Board. Plasma Cell Neoplasms (Including Multiple Myeloma) Treatment (PDQ®)–Health Professional Version. National Cancer Institute. Published February 9, 2024. Accessed March 18, 2024. <a href="https://www.cancer.gov/types/myeloma/hp/myeloma-treatment-pdq" rel="noopener noreferrer">https://www.cancer.gov/types/myeloma/hp/myeloma-treatment-pdq</a>',
      'Rajkumar SV, Dimopoulos MA, Palumbo A, et al. International Myeloma Working Group updated criteria for the diagnosis of multiple myeloma. <i>Lancet Oncol</i>. 2014;15(12):e538-48. doi:<a href="https://doi.org/10.1016/S1470-2045(14)70442-5" rel="noopener noreferrer">10.1016/S1470-2045(14)70442-5</a> PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/25439696/" rel="noopener noreferrer">25439696</a>',
    ])
  })

  it('formats AMA chapters, reports and items without authors', () => {
    const chapter: CslItem = {
      id: 'c',
      type: 'chapter',
      title: 'Plasma cell disorders',
      author: [{ family: 'Munshi', given: 'Nikhil C.' }],
      editor: harrison.editor,
      'container-title': harrison.title,
      edition: '21',
      publisher: 'McGraw Hill',
      issued: { 'date-parts': [[2022]] },
      page: '897-910',
    }
    const report: CslItem = {
      id: 'r',
      type: 'report',
      title: 'Guideline on the laboratory work-up of suspected multiple myeloma',
      author: [{ literal: 'Example Working Group on Myeloma' }],
      publisher: 'Example Society of Haematology',
      issued: { 'date-parts': [[2024, 3]] },
      URL: 'https://guidelines.example.org/myeloma-workup',
    }
    const anonymous: CslItem = { ...lee, id: 'a', author: undefined }
    expect(texts([chapter, report, anonymous], 'ama')).toEqual([
      'Munshi NC. Plasma cell disorders. In: Loscalzo J, Fauci A, Kasper D, Hauser S, Longo D, Jameson JL, eds. <i>Harrison’s Principles of Internal Medicine</i>. 21st ed. McGraw Hill; 2022:897-910.',
      'Example Working Group on Myeloma. <i>Guideline on the laboratory work-up of suspected multiple myeloma</i>. Example Society of Haematology; 2024. <a href="https://guidelines.example.org/myeloma-workup" rel="noopener noreferrer">https://guidelines.example.org/myeloma-workup</a>',
      'Osteoblast exhaustion in myeloma bone disease. <i>Example Bone Reports</i>. 2019;7:45-52.',
    ])
  })

  it('lists up to six authors in AMA and cuts seven to three', () => {
    const six = { ...polack, author: polack.author!.slice(0, 6) }
    const seven = { ...polack, author: polack.author!.slice(0, 7) }
    const [sixText, sevenText] = texts([six, seven], 'ama')
    expect(sixText).toMatch(/^Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, Lockhart S\. /)
    expect(sevenText).toMatch(/^Polack FP, Thomas SJ, Kitchin N, et al\. /)
  })

  it('has a label and a working template for every registered style', () => {
    for (const style of CITATION_STYLES) {
      expect(style.label).not.toBe('')
      expect(texts([roe], style.id)[0]).toMatch(/^Roe R\. .*Clinical Chemistry by Example/)
    }
    expect(() => createReferenceFormatter('apa' as 'ama')).toThrow(/Unknown citation style: apa/)
  })

  it('formats each item independently of the order it is given in', () => {
    const items = [polack, lee, nci, roe]
    const forward = createReferenceFormatter('vancouver').format(items).map(html)
    const backward = createReferenceFormatter('vancouver')
      .format([...items].reverse())
      .map(html)
    expect(backward).toEqual([...forward].reverse())
    expect(forward.every((entry) => entry !== undefined && !/^\d/.test(entry))).toBe(true)
  })

  it('appends DOI and PMID links when the style does not print them', () => {
    // A book in Vancouver prints no DOI/PMID; the links are added at the end.
    const [root] = createReferenceFormatter('vancouver').format([
      { ...roe, DOI: '10.5555/book#1', PMID: '42' },
    ])
    expect(html(root)).toBe(
      'Roe R. Clinical Chemistry by Example. Example Press; 2018. doi:<a href="https://doi.org/10.5555/book%231" rel="noopener noreferrer">10.5555/book#1</a> PubMed PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/42/" rel="noopener noreferrer">42</a>.',
    )
  })

  it('handles keys that are awkward in HTML', () => {
    const [root] = createReferenceFormatter('vancouver').format([{ ...lee, id: 'a"<b>&c' }])
    expect(html(root)).toMatch(/^Lee M\. Osteoblast exhaustion/)
  })

  it('returns undefined for an item citation-js cannot format, and still formats the others', () => {
    const broken = { ...lee, id: 'broken', author: [{ family: 5 }] } as unknown as CslItem
    const [first, second] = createReferenceFormatter('vancouver').format([broken, roe])
    expect(first).toBeUndefined()
    expect(html(second)).toBe('Roe R. Clinical Chemistry by Example. Example Press; 2018.')
  })

  it('strips positions that would point into citation-js output', () => {
    const [root] = createReferenceFormatter('vancouver').format([roe])
    expect(JSON.stringify(root)).not.toContain('position')
  })
})

describe('the formatter cache', () => {
  const many = Array.from({ length: 7 }, (_, index) => ({
    ...lee,
    id: `lee${index}`,
    title: `Osteoblast exhaustion, part ${index + 1}`,
  }))

  it('returns every entry of a batch larger than the cache', () => {
    const formatter = createReferenceFormatter('vancouver', { cacheSize: 2 })
    const entries = formatter.format(many).map(html)
    expect(entries).toEqual(many.map((item) => expect.stringContaining(item.title)))
    // Cached entries used by a call are not evicted by what that call formats.
    expect(formatter.format([many[6]!, ...many.slice(0, 3)]).map(html)).toEqual(
      [many[6]!, ...many.slice(0, 3)].map((item) => expect.stringContaining(item.title)),
    )
  })

  it('formats each distinct reference once, whatever its key, and keeps the most recent', () => {
    const formatter = createReferenceFormatter('vancouver', { cacheSize: 3 })
    formatter.format([lee, { ...lee, id: 'same-work-other-key' }, lee])
    expect(formatter.formatted).toBe(1)
    formatter.format([lee, roe])
    expect(formatter.formatted).toBe(2)
    formatter.format(many.slice(0, 2))
    expect(formatter.formatted).toBe(4)
    formatter.format([lee]) // evicted: lee was the least recently used of four
    expect(formatter.formatted).toBe(5)
    formatter.format([many[1]!])
    expect(formatter.formatted).toBe(5)
  })

  it('turns each distinct entry once through `entry`, and caches what it returns', () => {
    let calls = 0
    const formatter = createReferenceFormatter('vancouver', {
      entry: (root) => {
        calls++
        return toHtml(root).toUpperCase()
      },
    })
    expect(formatter.format([roe, roe])).toEqual([
      'ROE R. CLINICAL CHEMISTRY BY EXAMPLE. EXAMPLE PRESS; 2018.',
      'ROE R. CLINICAL CHEMISTRY BY EXAMPLE. EXAMPLE PRESS; 2018.',
    ])
    formatter.format([roe])
    expect(calls).toBe(1)
  })
})
