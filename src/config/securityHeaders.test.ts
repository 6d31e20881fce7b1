import { describe, expect, it } from 'vitest'

import { areaOf, securityHeaders } from './securityHeaders'

describe('securityHeaders', () => {
  it('sorts paths into the site, the admin (with its assets) and the API', () => {
    expect(['/', '/articles/x/', '/assets/site.js', '/%zz'].map(areaOf)).toEqual([
      'site',
      'site',
      'site',
      'site',
    ])
    expect(
      ['/admin', '/admin/login', '/_next/static/x.js', '/monaco/vs/loader.js'].map(areaOf),
    ).toEqual(['admin', 'admin', 'admin', 'admin'])
    expect(['/api', '/api/graphql', '/apix'].map(areaOf)).toEqual(['api', 'api', 'site'])
  })

  it('never allows inline scripts, nor framing by another origin', () => {
    for (const area of ['site', 'admin', 'api'] as const) {
      const headers = securityHeaders(area, { nonce: 'abc' })
      const csp = headers['content-security-policy']!
      expect(/script-src ([^;]*)/.exec(csp)?.[1] ?? '', area).not.toContain('unsafe-inline')
      expect(csp, area).toContain("frame-ancestors 'self'")
      expect(headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['referrer-policy']).toBeTruthy()
    }
    expect(securityHeaders('admin', { nonce: 'abc' })['content-security-policy']).toContain(
      "'nonce-abc'",
    )
    expect(securityHeaders('site')['content-security-policy']).not.toContain('nonce')
    expect(() => securityHeaders('admin')).toThrow(/nonce/)
  })
})
