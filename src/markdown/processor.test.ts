import type { Element, Root } from 'hast'
import { describe, expect, it } from 'vitest'
import type { CslItem } from '../references'
import { createMarkdownProcessor, renderReferenceList, toHtml, toProblems } from './index'
import { sampleReferences } from './testing'

const processor = createMarkdownProcessor()
const render = (
  markdown: string,
  references: readonly CslItem[] = sampleReferences,
  idPrefix?: string,
) => processor.render({ markdown, references, idPrefix })
const html = (markdown: string, references?: readonly CslItem[]) =>
  toHtml(render(markdown, references).hast)
const rules = (markdown: string, references?: readonly CslItem[]) =>
  render(markdown, references).messages.map((message) => message.ruleId)

function elements(root: Root, tagName: string): Element[] {
  const found: Element[] = []
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === tagName) found.push(child)
      walk(child)
    }
  }
  walk(root)
  return found
}

describe('citations', () => {
  it('numbers references in order of first citation and reuses numbers', () => {
    const result = render('A [@lee2019]. B [@smith2020; @lee2019]. C [@smith2020].')
    expect(result.references.map((r) => [r.key, r.number])).toEqual([
      ['lee2019', 1],
      ['smith2020', 2],
    ])
    expect(
      elements(result.hast, 'sup').map((sup) => toHtml({ type: 'root', children: [sup] })),
    ).toEqual([
      '<sup class="citation"><a href="#ref-lee2019" id="cite-1" role="doc-biblioref">1</a></sup>',
      '<sup class="citation"><a href="#ref-lee2019" id="cite-2" role="doc-biblioref">1</a>, <a href="#ref-smith2020" id="cite-3" role="doc-biblioref">2</a></sup>',
      '<sup class="citation"><a href="#ref-smith2020" id="cite-4" role="doc-biblioref">2</a></sup>',
    ])
  })

  it('lists the anchors that cite each reference, in document order', () => {
    const result = render('A [@lee2019]. B [@smith2020; @lee2019]. C [@smith2020].')
    expect(result.references.map((r) => [r.anchorId, r.citedFrom])).toEqual([
      ['ref-lee2019', ['cite-1', 'cite-2']],
      ['ref-smith2020', ['cite-3', 'cite-4']],
    ])
  })

  it('drops a key repeated inside one group', () => {
    const result = render('A [@lee2019; @lee2019].')
    expect(elements(result.hast, 'a')).toHaveLength(1)
  })

  it('renders prefixes and locators', () => {
    expect(html('A [see @smith2020, p. 12].')).toBe(
      '<p>A <sup class="citation">see <a href="#ref-smith2020" id="cite-1" role="doc-biblioref">1</a><span class="citation-locator">(p. 12)</span></sup>.</p>',
    )
  })

  it('keeps emphasis around and beside citations', () => {
    expect(html('*low ALP [@smith2020; @lee2019]* and **high** [@lee2019]')).toMatch(
      /^<p><em>low ALP <sup class="citation">.*<\/sup><\/em> and <strong>high<\/strong> <sup/,
    )
  })

  it('accepts a group split over two lines', () => {
    const result = render('A [@smith2020;\n@lee2019] b')
    expect(result.references).toHaveLength(2)
  })

  it('accepts Windows line endings and tabs inside a group', () => {
    const result = render(
      'A [@smith2020;\r\n\t@lee2019] b\r\n\r\n## Next',
      sampleReferences.slice(0, 2),
    )
    expect(result.references.map((r) => r.key)).toEqual(['smith2020', 'lee2019'])
    expect(result.toc).toEqual([{ depth: 2, id: 'next', text: 'Next' }])
  })

  it('does not treat code, escapes, footnote calls or links as citations', () => {
    const result = render(
      'Code `[@smith2020]`, escaped \\[@smith2020], link [text @smith2020](https://example.org).\n\n```\n[@lee2019]\n```',
    )
    expect(result.references).toEqual([])
    expect(toHtml(result.hast)).toContain('<code>[@smith2020]</code>')
    expect(toHtml(result.hast)).toContain('escaped [@smith2020]')
    expect(toHtml(result.hast)).toContain(
      '<a href="https://example.org" rel="noopener noreferrer">text @smith2020</a>',
    )
    expect(toHtml(result.hast)).toContain('<pre><code>[@lee2019]\n</code></pre>')
  })

  it('does not treat e-mail addresses as citations', () => {
    expect(render('Write to [editor@example.org] please.').references).toEqual([])
  })

  it('reports an unknown key as an error at its place, and renders the key', () => {
    const result = render(
      'Line one.\n\nSee [@smith2020; @nobody2000].',
      sampleReferences.slice(0, 1),
    )
    expect(toProblems(result.messages)).toEqual([
      {
        ruleId: 'citation-key',
        severity: 'error',
        message: 'Unknown citation key `nobody2000`: add it to the references or fix the key',
        line: 3,
        column: 5,
      },
    ])
    expect(result.errorCount).toBe(1)
    expect(toHtml(result.hast)).toContain('<span class="citation-unknown">@nobody2000</span>')
  })

  it('suggests a key that differs only by case', () => {
    expect(render('[@Smith2020] [@lee2019] [@who2021] [@roe2018]').messages[0]?.reason).toBe(
      'Unknown citation key `Smith2020`: did you mean `smith2020`? Keys are case-sensitive',
    )
  })

  it('warns about references that are never cited', () => {
    const result = render('Only [@lee2019].')
    expect(toProblems(result.messages)).toEqual(
      ['smith2020', 'who2021', 'roe2018'].map((key) => ({
        ruleId: 'citation-unused',
        severity: 'warning',
        message: `Reference \`${key}\` is never cited: cite it with [@${key}] or remove it from the references`,
      })),
    )
    expect(result.warningCount).toBe(3)
    expect(result.errorCount).toBe(0)
  })

  it('warns about bracketed text that looks like a citation but is not one', () => {
    const result = render('A [@smith2020 @lee2019] b and [see me] and \\[@x y @z]', [])
    expect(toProblems(result.messages)).toEqual([
      {
        ruleId: 'citation-syntax',
        severity: 'warning',
        message:
          '`[@smith2020 @lee2019]` looks like a citation but is not one: write [@key], [@a; @b] or [@key, p. 12]',
        line: 1,
        column: 3,
      },
    ])
  })

  it('renders a citation inside link text without nested links and warns', () => {
    const result = render('[see [@lee2019]](https://example.org)', [sampleReferences[1] as CslItem])
    expect(toHtml(result.hast)).toBe(
      '<p><a href="https://example.org" rel="noopener noreferrer">see <sup class="citation">1</sup></a></p>',
    )
    expect(result.messages.map((m) => m.ruleId)).toEqual(['citation-in-link'])
    expect(result.references[0]?.citedFrom).toEqual([])
  })

  it('uses the first of two references with the same key, and warns', () => {
    const twin = { ...(sampleReferences[1] as CslItem), title: 'Another title' }
    const result = render('[@lee2019]', [sampleReferences[1] as CslItem, twin])
    expect(result.references[0]?.data.title).toBe('Osteoblast exhaustion in myeloma bone disease')
    expect(result.messages.map((m) => m.ruleId)).toEqual(['reference-duplicate'])
  })
})

describe('reference entries', () => {
  it('are formatted in Vancouver style with DOI and PMID links, without citation-js numbers', () => {
    const result = render('[@lee2019] [@smith2020]', sampleReferences.slice(0, 2))
    expect(result.references.map((r) => toHtml(r.formatted))).toEqual([
      'Lee M. Osteoblast exhaustion in myeloma bone disease. Example Bone Reports. 2019;7:45–52. doi:<a href="https://doi.org/10.5555/ebr.2019.45" rel="noopener noreferrer">10.5555/ebr.2019.45</a>',
      'Smith JA, Doe J. Alkaline phosphatase in multiple myeloma and bone metastases. Journal of Example Haematology. 2020 May;12(3):100–10. doi:<a href="https://doi.org/10.5555/jeh.2020.012" rel="noopener noreferrer">10.5555/jeh.2020.012</a> PubMed PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/10000001/" rel="noopener noreferrer">10000001</a>.',
    ])
  })

  it('link a web page URL', () => {
    const result = render('[@who2021]', [sampleReferences[2] as CslItem])
    expect(toHtml(result.references[0]!.formatted)).toBe(
      'World Health Organization. Guideline on example laboratory testing [Internet]. 2021. Available from: <a href="https://www.who.int/example/guideline?lang=en&#x26;format=html" rel="noopener noreferrer">https://www.who.int/example/guideline?lang=en&#x26;format=html</a>',
    )
  })

  it('are fresh copies on every render', () => {
    const first = render('[@roe2018]', [sampleReferences[3] as CslItem])
    first.references[0]!.formatted.children.length = 0
    const second = render('[@roe2018]', [sampleReferences[3] as CslItem])
    expect(toHtml(second.references[0]!.formatted)).toBe(
      'Roe R. Clinical Chemistry by Example. Example Press; 2018.',
    )
  })

  it('render as an ordered list with backlinks to every citation', () => {
    const result = render('A [@lee2019]. B [@lee2019; @smith2020].', sampleReferences.slice(0, 2))
    const list = toHtml(renderReferenceList(result.references))
    expect(list).toMatch(
      /^<ol class="reference-list">\n<li id="ref-lee2019"><span class="reference-text">Lee M\. .*<\/li>\n<li id="ref-smith2020">.*<\/li>\n<\/ol>$/,
    )
    expect(list).toContain(
      '<span class="backlinks"><span aria-hidden="true">↩</span> <a href="#cite-1" role="doc-backlink" aria-label="Back to citation 1a in the text">a</a> <a href="#cite-2" role="doc-backlink" aria-label="Back to citation 1b in the text">b</a></span>',
    )
    expect(list).toContain(
      '<span class="backlinks"><a href="#cite-3" role="doc-backlink" aria-label="Back to citation 2 in the text">↩</a></span>',
    )
  })

  it('render an empty list as nothing', () => {
    expect(renderReferenceList([]).children).toEqual([])
  })
})

describe('idPrefix', () => {
  it('prefixes every generated id and in-page link', () => {
    const result = render(
      '## Dose\n\nSee [dose](#dose) [@lee2019].',
      [sampleReferences[1] as CslItem],
      'patient-',
    )
    expect(toHtml(result.hast)).toBe(
      '<h2 id="patient-dose">Dose</h2>\n<p>See <a href="#patient-dose">dose</a> <sup class="citation"><a href="#patient-ref-lee2019" id="patient-cite-1" role="doc-biblioref">1</a></sup>.</p>',
    )
    expect(result.references[0]).toMatchObject({
      anchorId: 'patient-ref-lee2019',
      citedFrom: ['patient-cite-1'],
    })
    expect(result.toc).toEqual([{ depth: 2, id: 'patient-dose', text: 'Dose' }])
    expect(result.messages).toEqual([])
  })

  it('refuses whitespace (programmer misuse)', () => {
    expect(() => render('x', [], 'a b')).toThrow(TypeError)
  })
})

describe('headings', () => {
  it('get unique slugs and h2/h3 form the table of contents', () => {
    const result = render(
      '# Title\n\n## Causes\n\n### Causes\n\n## Causes\n\n#### Deep\n\n## 🚀\n\n## Cite 1',
      [],
    )
    expect(
      elements(result.hast, 'h1')
        .concat(elements(result.hast, 'h2'), elements(result.hast, 'h3'))
        .map((h) => h.properties.id),
    ).toEqual(['title', 'causes', 'causes-2', 'section', 'cite-1', 'causes-1'])
    expect(result.toc).toEqual([
      { depth: 2, id: 'causes', text: 'Causes' },
      { depth: 3, id: 'causes-1', text: 'Causes' },
      { depth: 2, id: 'causes-2', text: 'Causes' },
      { depth: 2, id: 'section', text: '🚀' },
      { depth: 2, id: 'cite-1', text: 'Cite 1' },
    ])
  })

  it('leave citations out of slugs and the table of contents, and never reuse citation ids', () => {
    const result = render('[@lee2019]\n\n## Cite 1 [@lee2019]', [sampleReferences[1] as CslItem])
    expect(result.toc).toEqual([{ depth: 2, id: 'cite-1-1', text: 'Cite 1' }])
  })
})

describe('links', () => {
  it('mark external links and leave internal ones alone', () => {
    const site = createMarkdownProcessor({ siteUrl: 'https://answers.example.org' })
    const out = toHtml(
      site.render({
        markdown:
          '[a](https://other.example/x) [b](https://answers.example.org/y) [c](/z) [d](mailto:x@example.org)',
        references: [],
      }).hast,
    )
    expect(out).toBe(
      '<p><a href="https://other.example/x" rel="noopener noreferrer">a</a> <a href="https://answers.example.org/y">b</a> <a href="/z">c</a> <a href="mailto:x@example.org">d</a></p>',
    )
  })

  it('report in-page anchors that match no id, and accept citation and reference ids', () => {
    const result = render(
      '## Intro\n\n[ok](#intro) [bad](#outro) [top](#) [ref](#ref-lee2019) [lee2019](#cite-1) [@lee2019]',
      [sampleReferences[1] as CslItem],
    )
    expect(toProblems(result.messages)).toEqual([
      {
        ruleId: 'link-anchor',
        severity: 'error',
        message:
          'Link to `#outro` matches no heading in this document: fix the anchor or the heading',
        line: 3,
        column: 14,
      },
      {
        ruleId: 'link-anchor',
        severity: 'error',
        message: 'Link to `#` points nowhere: link to a heading id, as in [see](#heading-text)',
        line: 3,
        column: 28,
      },
    ])
  })

  it('report links without text or address', () => {
    const result = render('[](https://example.org) and [text]()', [])
    expect(toHtml(result.hast)).toBe(
      '<p><a href="https://example.org" rel="noopener noreferrer">https://example.org</a> and text</p>',
    )
    expect(rules('[](https://example.org) and [text]()', [])).toEqual(['link-empty', 'link-empty'])
  })

  it('match anchors written with non-ASCII headings', () => {
    expect(rules('## Café\n\n[x](#café)', [])).toEqual([])
  })
})

describe('GFM', () => {
  it('renders tables with alignment classes instead of the obsolete align attribute', () => {
    expect(html('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |', [])).toContain(
      '<th class="align-left">a</th>\n<th class="align-center">b</th>\n<th class="align-right">c</th>',
    )
  })

  it('strikes through ~~double~~ tildes only, so ~5 mg stays text', () => {
    expect(html('~5 mg to ~10 mg, ~~wrong~~', [])).toBe('<p>~5 mg to ~10 mg, <del>wrong</del></p>')
  })

  it('renders task list markers as text, without checkboxes', () => {
    expect(html('- [ ] open\n- [x] done\n- [X] **bold**\n- [X]   spaced', [])).toBe(
      '<ul>\n<li>[ ] open</li>\n<li>[x] done</li>\n<li>[X] <strong>bold</strong></li>\n<li>[X] spaced</li>\n</ul>',
    )
  })

  it('turns footnotes into text, with a warning', () => {
    const result = render('Claim.[^1]\n\n[^1]: A note.', [])
    expect(toHtml(result.hast)).toBe('<p>Claim.[^1]</p>\n<p>[^1]: A note.</p>')
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['footnote-unsupported', 1],
      ['footnote-unsupported', 3],
    ])
  })

  it('links bare URLs', () => {
    expect(html('see www.example.org and https://example.org/a.', [])).toBe(
      '<p>see <a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a> and <a href="https://example.org/a" rel="noopener noreferrer">https://example.org/a</a>.</p>',
    )
  })
})

describe('images', () => {
  it('warn when alt text is missing', () => {
    const result = render('![](chart.png) ![Chart of ALP](chart.png)', [])
    expect(toHtml(result.hast)).toBe(
      '<p><img src="chart.png" alt=""> <img src="chart.png" alt="Chart of ALP"></p>',
    )
    expect(result.messages.map((m) => [m.ruleId, m.column])).toEqual([['image-alt', 1]])
  })
})

describe('messages', () => {
  it('carry place, rule id, source, file path and severity', () => {
    const result = processor.render({
      markdown: 'x\n\n  [@nope] <b>',
      references: [],
      path: 'body',
    })
    const [error, warning] = result.messages
    expect(error).toMatchObject({
      ruleId: 'citation-key',
      source: 'markdown',
      fatal: true,
      line: 3,
      column: 3,
      file: 'body',
    })
    expect(warning).toMatchObject({
      ruleId: 'html-dropped',
      source: 'markdown',
      fatal: false,
      line: 3,
      column: 11,
    })
    expect(JSON.parse(JSON.stringify(toProblems(result.messages)))).toEqual(
      toProblems(result.messages),
    )
  })
})

describe('createMarkdownProcessor', () => {
  it('refuses unknown styles and a relative siteUrl (programmer misuse)', () => {
    expect(() => createMarkdownProcessor({ citationStyle: 'apa' as 'vancouver' })).toThrow(
      /Unknown citation style: apa/,
    )
    expect(() => createMarkdownProcessor({ siteUrl: '/relative' })).toThrow(TypeError)
  })

  it('renders synchronously and independently per document', () => {
    const a = render('## A\n\n[@lee2019]', [sampleReferences[1] as CslItem])
    const b = render('## A\n\n[@smith2020]', [sampleReferences[0] as CslItem])
    expect(a.toc[0]?.id).toBe('a')
    expect(b.toc[0]?.id).toBe('a')
    expect(b.references.map((r) => [r.key, r.number, r.citedFrom])).toEqual([
      ['smith2020', 1, ['cite-1']],
    ])
  })

  it('formats the reference list in any registered style', () => {
    const entry = (citationStyle: 'vancouver' | 'ama') =>
      toHtml(
        createMarkdownProcessor({ citationStyle }).render({
          markdown: '[@smith2020]',
          references: [sampleReferences[0] as CslItem],
        }).references[0]!.formatted,
      )
    expect(entry('vancouver')).toMatch(
      /^Smith JA, Doe J\. .* Journal of Example Haematology\. 2020 May;12\(3\):100–10\./,
    )
    expect(entry('ama')).toMatch(
      /^Smith JA, Doe J\. .* <i>Journal of Example Haematology<\/i>\. 2020;12\(3\):100-110\./,
    )
  })
})

describe('reference formatting problems in render', () => {
  it('are reported as errors and fall back to the title', () => {
    const lee = sampleReferences[1] as CslItem
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
