import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { quote, report, RULES, sortMessages, toProblems } from './messages'

describe('report', () => {
  it('sets severity from the rule, source and place', () => {
    const file = new VFile({ path: 'body' })
    const error = report(file, 'citation-key', 'Unknown', { line: 2, column: 3 })
    const warning = report(file, 'image-alt', 'No alt', {
      type: 'image',
      position: { start: { line: 4, column: 1 }, end: { line: 4, column: 9 } },
    })
    expect(error).toMatchObject({
      fatal: true,
      ruleId: 'citation-key',
      source: 'markdown',
      line: 2,
      column: 3,
    })
    expect(warning).toMatchObject({ fatal: false, ruleId: 'image-alt', line: 4, column: 1 })
    expect(file.messages).toEqual([error, warning])
  })

  it('declares every rule with a severity', () => {
    for (const severity of Object.values(RULES)) expect(['error', 'warning']).toContain(severity)
    expect(RULES['citation-key']).toBe('error')
    expect(RULES['link-anchor']).toBe('error')
    expect(RULES['citation-unused']).toBe('warning')
  })
})

describe('sortMessages', () => {
  it('orders by line and column, unplaced last in their order', () => {
    const file = new VFile()
    const unplacedA = report(file, 'citation-unused', 'a')
    const late = report(file, 'link-empty', 'late', { line: 5, column: 1 })
    const unplacedB = report(file, 'citation-unused', 'b')
    const early = report(file, 'link-empty', 'early', { line: 1, column: 9 })
    const earlier = report(file, 'link-empty', 'earlier', { line: 1, column: 2 })
    expect(sortMessages(file.messages)).toEqual([earlier, early, late, unplacedA, unplacedB])
  })
})

describe('toProblems', () => {
  it('returns plain objects with a severity and an optional field', () => {
    const file = new VFile()
    report(file, 'link-anchor', 'Broken', { line: 1, column: 2 })
    report(file, 'citation-unused', 'Unused')
    const problems = toProblems(file.messages, 'body')
    expect(problems).toEqual([
      {
        ruleId: 'link-anchor',
        severity: 'error',
        message: 'Broken',
        line: 1,
        column: 2,
        field: 'body',
      },
      { ruleId: 'citation-unused', severity: 'warning', message: 'Unused', field: 'body' },
    ])
    expect(JSON.parse(JSON.stringify(problems))).toEqual(problems)
  })
})

describe('quote', () => {
  it('flattens, shortens and fences user text', () => {
    expect(quote('a\n  b')).toBe('`a b`')
    expect(quote('x'.repeat(50))).toBe('`' + 'x'.repeat(39) + '…`')
    expect(quote('a`b')).toBe("`a'b`")
  })
})
