import { describe, expect, it } from 'vitest'
import { checkUrl } from './url'

describe('checkUrl', () => {
  it.each([
    ['https://example.org/a?b#c', 'https://example.org/a?b#c'],
    ['HTTPS://Example.org/', 'https://Example.org/'],
    ['http://example.org', 'http://example.org'],
    ['mailto:editor@example.org', 'mailto:editor@example.org'],
    ['tel:+15551234', 'tel:+15551234'],
    ['/articles/low-alp', '/articles/low-alp'],
    ['../x.html', '../x.html'],
    ['#section', '#section'],
    ['page?a=b:c', 'page?a=b:c'],
    ['a/b:c', 'a/b:c'],
    ['', ''],
  ])('allows the link %j', (url, normalized) => {
    expect(checkUrl(url, 'href')).toEqual({ safe: true, url: normalized })
  })

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'jav%09ascript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    '//evil.example/x',
    '\\\\evil.example/x',
    'livescript:x',
  ])('refuses the link %j', (url) => {
    expect(checkUrl(url, 'href').safe).toBe(false)
  })

  it('refuses data: and mailto: image sources', () => {
    expect(checkUrl('data:image/png;base64,iVBORw0KGgo=', 'src').safe).toBe(false)
    expect(checkUrl('mailto:a@b.c', 'src').safe).toBe(false)
    expect(checkUrl('https://example.org/x.png', 'src').safe).toBe(true)
  })
})
