import { describe, expect, it } from 'vitest'
import type { CslItem } from '../references'
import { checkArticle, createMarkdownProcessor, examineArticle } from './index'
import { sampleReferences } from './testing'

const references = sampleReferences.slice(0, 2)

describe('checkArticle', () => {
  it('passes a complete article with no problems', () => {
    expect(
      checkArticle({
        title: 'Is low ALP associated with myeloma?',
        summary: 'Yes.',
        body: 'Yes [@smith2020], because osteoblasts are exhausted [@lee2019].',
        references,
      }),
    ).toEqual([])
  })

  it('reports a missing title and body as errors with their fields', () => {
    expect(checkArticle({ title: '  ', body: '\n', references: [] })).toEqual([
      {
        ruleId: 'title-missing',
        severity: 'error',
        message: 'The title is missing: write the question the article answers',
        field: 'title',
      },
      {
        ruleId: 'body-missing',
        severity: 'error',
        message: 'The body is missing: write the answer, citing its sources as [@key]',
        field: 'body',
      },
    ])
  })

  it('reports a body without citations', () => {
    expect(
      checkArticle({ title: 'Q?', body: 'An answer without sources.', references: [] }),
    ).toEqual([
      {
        ruleId: 'citation-none',
        severity: 'error',
        message: 'The body cites no references: support its claims with citations such as [@key]',
        field: 'body',
      },
    ])
  })

  it('includes the body render problems, positioned', () => {
    const problems = checkArticle({
      title: 'Q?',
      body: 'Claim [@smith2020].\n\nOther claim [@smyth2020]. [Jump](#nowhere)',
      references,
    })
    expect(problems.map((p) => [p.ruleId, p.severity, p.field, p.line, p.column])).toEqual([
      ['citation-key', 'error', 'body', 3, 13],
      ['link-anchor', 'error', 'body', 3, 27],
      ['citation-unused', 'warning', 'body', undefined, undefined],
    ])
  })

  it('does not report citation-none when the only citations are unknown keys', () => {
    const problems = checkArticle({ title: 'Q?', body: 'Claim [@nobody].', references: [] })
    expect(problems.map((p) => p.ruleId)).toEqual(['citation-key'])
  })

  it('reports references that are not valid CSL-JSON', () => {
    const bad = { id: 'bad key', type: 'article-journal', title: '' } as unknown as CslItem
    const problems = checkArticle({
      title: 'Q?',
      body: 'Claim [@smith2020].',
      references: [references[0] as CslItem, bad],
    })
    expect(problems[0]).toMatchObject({
      ruleId: 'reference-invalid',
      severity: 'error',
      field: 'references',
    })
    expect(problems[0]?.message).toMatch(
      /^Reference `bad key` is not valid: id: .*; title: a reference needs a title: the title of the work cited$/,
    )
  })

  it('uses the processor it is given', () => {
    let calls = 0
    const real = createMarkdownProcessor()
    const processor = {
      render: (input: Parameters<typeof real.render>[0]) => {
        calls++
        return real.render(input)
      },
    }
    checkArticle({ title: 'Q?', body: 'Claim [@lee2019].', references }, processor)
    expect(calls).toBe(1)
  })
})

describe('examineArticle with candidate references', () => {
  const candidates = sampleReferences
  const variantField = 'Patient or caregiver version'

  it('takes the cited ones as the article’s references, in order of first citation', () => {
    const { problems, citedKeys } = examineArticle(
      {
        title: 'Q?',
        body: 'Yes [@lee2019].',
        references: candidates,
        variants: [{ field: variantField, body: 'In short [@smith2020; @lee2019].' }],
      },
      undefined,
      { candidates: true },
    )
    expect(citedKeys).toEqual(['lee2019', 'smith2020'])
    // The candidates nobody cites are not the article's: no warning for them. The one only the
    // audience version cites is the main body's to cite too.
    expect(problems).toEqual([
      expect.objectContaining({ ruleId: 'citation-unused', field: 'body', severity: 'warning' }),
    ])
    expect(problems[0]!.message).toContain('`smith2020`')
  })

  it('agrees with checkArticle given exactly the cited references', () => {
    const article = {
      title: 'Q?',
      body: 'Yes [@lee2019] and [@nope].',
      variants: [{ field: variantField, body: '' }],
    }
    const examined = examineArticle({ ...article, references: candidates }, undefined, {
      candidates: true,
    })
    const cited = candidates.filter((r) => examined.citedKeys.includes(r.id))
    expect(examined.problems).toEqual(checkArticle({ ...article, references: cited }))
    expect(examined.problems.map((p) => p.ruleId)).toEqual(['citation-key', 'body-missing'])
  })
})
