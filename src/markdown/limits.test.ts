import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { checkArticle } from './check-article'
import { limitBreach, MARKDOWN_LIMITS } from './limits'
import { createMarkdownProcessor } from './processor'

const references = [
  {
    id: 'key',
    type: 'article-journal' as const,
    title: 'A study',
    author: [{ family: 'Doe', given: 'Jane' }],
    issued: { 'date-parts': [[2020]] },
  },
]
const processor = createMarkdownProcessor()
const errorsOf = (body: string) =>
  checkArticle({ title: 'Q?', body, references }, processor).filter((p) => p.severity === 'error')

describe('the Markdown limits', () => {
  // What took the platform down or held it for a minute (issue: reliability and security).
  it.each([
    ['a 1 000-level list', 'x [@key]\n\n' + '- '.repeat(1000) + 'deep', 'nesting-too-deep', 3],
    ['a 3 000-level quote', 'x [@key]\n\n' + '> '.repeat(3000) + 'deep', 'nesting-too-deep', 3],
    [
      'quotes and lists, 2 500 levels',
      'x [@key]\n\n' + '> - '.repeat(2500) + 'deep',
      'nesting-too-deep',
      3,
    ],
    [
      'a list nested by indentation',
      'x [@key]\n\n' +
        Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n'),
      'nesting-too-deep',
      27,
    ],
    [
      '15 000 open links',
      'x [@key] ' + '[a'.repeat(15000) + '](u)'.repeat(15000),
      'nesting-too-deep',
      1,
    ],
    [
      '50 000 brackets',
      'x [@key] ' + '['.repeat(50000) + 'a' + ']'.repeat(50000),
      'nesting-too-deep',
      1,
    ],
    ['40 000 emphasis openers', 'x [@key] ' + '*a'.repeat(40000), 'markup-too-dense', 1],
    [
      'a 400-row, 200-column table',
      'x [@key]\n\n|' +
        'a|'.repeat(200) +
        '\n|' +
        '-|'.repeat(200) +
        '\n' +
        ('|' + 'b|'.repeat(200) + '\n').repeat(400),
      'markup-too-dense',
      12,
    ],
    ['a 2 MB body', 'x [@key]\n\n' + 'word '.repeat(400_000), 'input-too-large', 3],
  ])('refuses %s with one positioned message, without parsing it', (_, body, ruleId, line) => {
    const errors = errorsOf(body)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ ruleId, line, field: 'body' })
    expect(errors[0]!.column).toBeGreaterThan(0)
  })

  it('passes what real articles hold: nested lists, quotes, links, images in links, tables, code', () => {
    const body = [
      '## Answer',
      '',
      'Yes [@key]. See [the *trial* [1]](https://example.org) and [![chart](https://example.org/c.png)](https://example.org).',
      '',
      '- one',
      '  - two',
      '    - three',
      '      1. four',
      '',
      '> A quote',
      '> > within a quote',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '```js',
      '                                                                const deep = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
      '```',
    ].join('\n')
    expect(limitBreach(body)).toBeUndefined()
    expect(errorsOf(body)).toEqual([])
  })

  it('stops exactly at each limit', () => {
    const { maxNesting, maxOpenBrackets, maxLength, maxMarkupPerBlock } = MARKDOWN_LIMITS
    expect(limitBreach('> '.repeat(maxNesting) + 'x')).toBeUndefined()
    expect(limitBreach('> '.repeat(maxNesting + 1) + 'x')?.ruleId).toBe('nesting-too-deep')
    expect(limitBreach('['.repeat(maxOpenBrackets))).toBeUndefined()
    expect(limitBreach('['.repeat(maxOpenBrackets + 1))?.column).toBe(maxOpenBrackets + 1)
    expect(limitBreach('a'.repeat(maxLength))).toBeUndefined()
    expect(limitBreach('a'.repeat(maxLength + 1))?.ruleId).toBe('input-too-large')
    expect(limitBreach('_'.repeat(maxMarkupPerBlock))).toBeUndefined()
    expect(limitBreach('_'.repeat(maxMarkupPerBlock + 1))?.ruleId).toBe('markup-too-dense')
    // A blank line ends a paragraph: each paragraph has its own allowance.
    expect(limitBreach(('['.repeat(maxOpenBrackets) + '\n\n').repeat(10))).toBeUndefined()
  })

  // Generated documents from the families that hurt parsers: nesting, brackets, emphasis, code,
  // tables, escapes and invalid UTF-16. Each is either refused with a positioned message or
  // rendered; none throws.
  const piece = fc.oneof(
    fc.constantFrom(
      '> ',
      '- ',
      '* ',
      '1. ',
      '  ',
      '\t',
      '[',
      ']',
      '](u)',
      '![',
      '*',
      '_',
      '`',
      '```\n',
      '|',
      '\\',
      '\n',
      '\n\n',
      '<',
      '&amp;',
      '[@key]',
      '[^1]',
      ':',
      '(',
      ')',
      'a',
      ' ',
      '\uD800',
    ),
    fc.string({ maxLength: 5 }),
  )
  const repeated = fc.tuple(piece, fc.integer({ min: 1, max: 3000 })).map(([p, n]) => p.repeat(n))
  const document = fc
    .array(fc.oneof(piece, repeated), { maxLength: 40 })
    .map((parts) => parts.join(''))

  it('refuses with a message or renders every generated document, and never throws', () => {
    fc.assert(
      fc.property(document, (markdown) => {
        const result = processor.render({ markdown, references })
        const breach = limitBreach(markdown)
        if (breach) {
          expect(result.messages).toHaveLength(1)
          expect(result.messages[0]!.ruleId).toBe(breach.ruleId)
          expect(result.messages[0]!.line).toBe(breach.line)
        } else {
          expect(result.hast.type).toBe('root')
        }
      }),
      { numRuns: 100 },
    )
  }, 120_000)
})
