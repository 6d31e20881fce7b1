import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { joinFrontMatter, parseWithPositions, splitFrontMatter, toYaml } from './sourceText'

/** Text as people and pasted sources give it: line ends of every kind, YAML's own signs, Unicode. */
const awkward = fc.string({
  unit: fc.constantFrom(
    'a',
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\r',
    '\t',
    '---',
    '#',
    ':',
    '- ',
    '"',
    "'",
    '|',
    '>',
    '{',
    '[@k]',
    'é',
    'e\u0301',
    '\u00a0',
    '\u2028',
    '🩺',
    'null',
    '1e3',
    '~',
  ),
  maxLength: 60,
})

describe('joinFrontMatter', () => {
  it('gives back the front matter and the body exactly, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: awkward,
          topics: fc.array(awkward),
          nested: fc.record({ body: awkward }),
        }),
        awkward,
        (frontMatter, body) => {
          const split = splitFrontMatter(joinFrontMatter(frontMatter, body))
          expect(split?.body).toBe(body)
          const parsed = parseWithPositions(split!.frontMatter, 'yaml')
          expect(parsed.ok && parsed.value).toEqual(frontMatter)
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('joinFrontMatter, the cases found', () => {
  it.each([
    ['a last value ending in blank lines', { v: { body: '  Plain words.\n\n\n' } }],
    ['a line of only spaces', { topics: [' \n'] }],
    // Found by the property in CI (seed -2107083368): `yaml` wrote a block it cannot read back.
    ['blank lines indented more than the first', { topics: ['  \n\t\n'] }],
  ])('%s', (_, frontMatter) => {
    const split = splitFrontMatter(joinFrontMatter(frontMatter, 'Body.'))
    const parsed = parseWithPositions(split!.frontMatter, 'yaml')
    expect(parsed.ok && parsed.value).toEqual(frontMatter)
    expect(split!.body).toBe('Body.')
  })
})

describe('toYaml', () => {
  it('writes Markdown as a block a person can read', () => {
    expect(toYaml({ body: '## Heading\n\nText [@key].\n' })).toBe(
      'body: |\n  ## Heading\n\n  Text [@key].\n',
    )
  })
})
