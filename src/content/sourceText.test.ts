import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  joinFrontMatter,
  parseWithPositions,
  repeatedKey,
  splitFrontMatter,
  toYaml,
} from './sourceText'

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
    // 2 000 generated front matters: seconds on a machine other work is loading.
  }, 60_000)
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

describe('JSON files', () => {
  it('refuses a key that appears twice in one object, at its line', () => {
    const text = '[\n {"id": "a", "title": "T"},\n {"id": "b",\n  "title": "U", "title": "V"}\n]'
    expect(parseWithPositions(text, 'json')).toEqual({
      ok: false,
      line: 4,
      column: 17,
      message: 'Invalid JSON: the key "title" appears twice in one object',
    })
  })

  it('finds a repeated key however it is written, and only within one object', () => {
    expect(repeatedKey('{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}')).toBeUndefined()
    expect(repeatedKey('{"a\\"b": 1, "x": "{\\"a\\": 1}", "a\\u0022b": 2}')).toEqual({
      key: 'a"b',
      offset: 31,
    })
    expect(repeatedKey('[{"k": [1, {"k": 2}], "k": 3}]')?.key).toBe('k')
  })

  it('never reports a repeated key in what JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => !repeatedKey(JSON.stringify(value, null, 1))))
  })

  it('locates a value for a validation message only when asked, as the YAML parser places it', () => {
    const text = '[\n  {\n    "id": "a",\n    "title": 3\n  }\n]'
    const parsed = parseWithPositions(text, 'json')
    expect(parsed.ok && parsed.value).toEqual([{ id: 'a', title: 3 }])
    expect(parsed.ok && parsed.locate([0, 'title'])).toEqual({ line: 4, column: 14 })
    expect(parsed.ok && parsed.locate([0, 'missing'])).toBeUndefined()
  })
})
