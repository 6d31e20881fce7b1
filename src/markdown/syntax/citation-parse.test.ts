import { describe, expect, it } from 'vitest'
import { CITATION_KEY_PATTERN } from '../../references'
import { citationKeyCandidates, KEY_SOURCE, parseCitationGroup } from './citation-parse'

describe('parseCitationGroup', () => {
  it('parses a single key', () => {
    expect(parseCitationGroup('@smith2020')).toEqual([
      { key: 'smith2020', prefix: '', locator: '' },
    ])
  })

  it('parses several keys separated by semicolons, in written order', () => {
    expect(parseCitationGroup('@b;@a ;  @c')?.map((item) => item.key)).toEqual(['b', 'a', 'c'])
  })

  it('parses prefixes and locators', () => {
    expect(parseCitationGroup('see @a, p. 12; also @b, chap. 3')).toEqual([
      { key: 'a', prefix: 'see', locator: 'p. 12' },
      { key: 'b', prefix: 'also', locator: 'chap. 3' },
    ])
  })

  it('keeps punctuation inside keys and drops it at their end', () => {
    expect(parseCitationGroup('@doe:2020.a')?.[0]?.key).toBe('doe:2020.a')
    expect(parseCitationGroup('@doe2020.')).toEqual([{ key: 'doe2020', prefix: '', locator: '' }])
  })

  it('accepts the author-suppressing dash', () => {
    expect(parseCitationGroup('-@a')?.[0]?.key).toBe('a')
  })

  it('collapses whitespace, including line breaks', () => {
    expect(parseCitationGroup('see\n  @a,   p.\t12')).toEqual([
      { key: 'a', prefix: 'see', locator: 'p. 12' },
    ])
  })

  it.each([
    [''],
    ['text'],
    ['@'],
    ['foo@bar.com'],
    ['@a @b'],
    ['@a; text'],
    ['@a, see @b'],
    ['@-a'],
    ['a'.repeat(1001) + ' @a'],
  ])('rejects %j', (inner) => {
    expect(parseCitationGroup(inner)).toBeUndefined()
  })

  it('only accepts keys that CITATION_KEY_PATTERN accepts', () => {
    const key = new RegExp(`^${KEY_SOURCE}$`)
    for (const sample of ['a', '_x', '9lives', 'a:b.c#d$e%f&g-h+i?j<k>l~m/n', 'smith2020a']) {
      expect(key.test(sample)).toBe(true)
      expect(CITATION_KEY_PATTERN.test(sample)).toBe(true)
    }
    for (const sample of ['-a', '.a', 'a b', 'a,b', 'a;b', 'a]']) {
      expect(key.test(sample)).toBe(false)
    }
  })
})

describe('citationKeyCandidates', () => {
  it('finds every cited key, and may find more', () => {
    const text = 'A [@smith2020.] B [see @lee-2019, p. 3; @who:2021/x]. Mail ann@example.org.'
    const keys = citationKeyCandidates(text)
    for (const key of ['smith2020', 'lee-2019', 'who:2021/x']) expect(keys).toContain(key)
    expect(keys).toContain('example.org')
  })
})
