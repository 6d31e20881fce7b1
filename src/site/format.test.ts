import { describe, expect, it } from 'vitest'
import {
  absoluteUrl,
  displayName,
  escapeXml,
  formatDate,
  formatDateTime,
  historyUrl,
  isoDate,
  orcidUrl,
  stateLabel,
  token,
} from './format'

describe('dates', () => {
  it('formats in UTC whatever the offset of the input', () => {
    expect(formatDate('2025-11-27T23:30:00-05:00', 'en')).toBe('November 28, 2025')
    expect(isoDate('2025-11-27T23:30:00-05:00')).toBe('2025-11-28')
    expect(formatDate('2025-11-27', 'en')).toBe('November 27, 2025')
    expect(formatDateTime('2025-11-27T09:05:00Z', 'en')).toBe('November 27, 2025, 09:05 UTC')
  })

  it('throws on something that is not a date', () => {
    expect(() => formatDate('soon', 'en')).toThrow(/not an ISO 8601 date/)
  })
})

describe('urls and names', () => {
  it('builds absolute and history URLs', () => {
    expect(absoluteUrl({ baseUrl: 'https://x.org/' }, '/a/')).toBe('https://x.org/a/')
    expect(absoluteUrl({ baseUrl: 'https://x.org' }, 'https://y.org/')).toBe('https://y.org/')
    expect(() => absoluteUrl({ baseUrl: 'https://x.org' }, 'a/')).toThrow()
    expect(historyUrl({ url: '/articles/a/' })).toBe('/articles/a/history/')
    expect(historyUrl({ url: '/articles/a' })).toBe('/articles/a/history/')
  })

  it('prints names with credentials, ORCID URLs, tokens and state labels', () => {
    expect(displayName({ name: 'Jo Roe', credentials: 'MD' })).toBe('Jo Roe, MD')
    expect(displayName({ name: 'Jo Roe' })).toBe('Jo Roe')
    expect(orcidUrl('0000-0002-1825-009X')).toBe('https://orcid.org/0000-0002-1825-009X')
    expect(orcidUrl('https://orcid.org/0000-0002-1825-0097')).toBe(
      'https://orcid.org/0000-0002-1825-0097',
    )
    expect(orcidUrl('javascript:alert(1)')).toBeUndefined()
    expect(token('Care giver (2)')).toBe('care-giver-2')
    expect(stateLabel('under_review')).toBe('Under review')
    expect(stateLabel('on_hold')).toBe('On hold')
  })

  it('escapes XML and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    )
  })
})
