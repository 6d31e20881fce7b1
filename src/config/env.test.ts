import os from 'node:os'

import { describe, expect, it } from 'vitest'

import { allowedOrigins, readEnv, sessionCookieAllowed } from './env'

describe('allowedOrigins', () => {
  it('lets the admin be used at every address the server answers to, and SITE_URL', () => {
    const origins = allowedOrigins(
      readEnv({ NODE_ENV: 'test', PORT: '3410', SITE_URL: 'https://answers.example/' }),
    )
    expect(origins).toContain('https://answers.example')
    for (const host of ['localhost', '127.0.0.1', '[::1]', os.hostname()])
      expect(origins).toContain(`http://${host}:3410`)
    const network = Object.values(os.networkInterfaces())
      .flat()
      .find((n) => n && n.family === 'IPv4' && !n.internal)
    if (network) expect(origins).toContain(`http://${network.address}:3410`)
    // Only this port: another server on the machine is another origin.
    expect(origins).not.toContain('http://localhost:3000')
  })
})

describe('sessionCookieAllowed', () => {
  const allowed = ['http://localhost:3410', 'http://192.0.2.2:3410']
  it('takes the session from the allowed origins only', () => {
    expect(
      sessionCookieAllowed(
        { method: 'GET', origin: 'http://192.0.2.2:3410', secFetchSite: null },
        allowed,
      ),
    ).toBe(true)
    expect(
      sessionCookieAllowed(
        { method: 'GET', origin: 'http://evil.example', secFetchSite: 'cross-site' },
        allowed,
      ),
    ).toBe(false)
    // Another port on the same host is another origin, though the same site.
    expect(
      sessionCookieAllowed(
        { method: 'GET', origin: 'http://localhost:8080', secFetchSite: 'same-site' },
        allowed,
      ),
    ).toBe(false)
  })

  it('without an Origin, trusts Fetch Metadata, and a plain-http GET that has none', () => {
    expect(
      sessionCookieAllowed({ method: 'GET', origin: null, secFetchSite: 'same-origin' }, allowed),
    ).toBe(true)
    expect(
      sessionCookieAllowed({ method: 'GET', origin: null, secFetchSite: 'none' }, allowed),
    ).toBe(true)
    expect(
      sessionCookieAllowed({ method: 'GET', origin: null, secFetchSite: 'cross-site' }, allowed),
    ).toBe(false)
    expect(sessionCookieAllowed({ method: 'GET', origin: null, secFetchSite: null }, allowed)).toBe(
      true,
    )
    // A write says where it comes from; one that does not is not trusted.
    expect(
      sessionCookieAllowed({ method: 'POST', origin: null, secFetchSite: null }, allowed),
    ).toBe(false)
  })
})
