import { type NextRequest, NextResponse } from 'next/server'

import { allowedOrigins, readEnv, sessionCookieAllowed } from './config/env'
import { areaOf, securityHeaders } from './config/securityHeaders'

const allowed = allowedOrigins(readEnv())

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

/** The admin and the API take a session cookie; the site and assets take none. */
const takesSession = (pathname: string) =>
  pathname === '/api' ||
  pathname.startsWith('/api/') ||
  pathname === '/admin' ||
  pathname.startsWith('/admin/')

/**
 * Runs before every request:
 * - refuses an address it cannot decode (Next.js answered 500 without a page to say so);
 * - applies the CSRF rule (`sessionCookieAllowed`) to the admin and the API: a request it refuses
 *   is served without its cookies, i.e. as an anonymous caller. Payload's own check is off
 *   (`csrf: []` in payload.config.ts) because it refuses every GET from a plain-http address such
 *   as the network one, where browsers send neither Origin nor Fetch Metadata;
 * - gives the admin a fresh script nonce (Next.js reads it from the request's
 *   Content-Security-Policy and puts it on the scripts it writes) and sets the security headers of
 *   src/config/securityHeaders.ts on every response.
 */
export function proxy(request: NextRequest): NextResponse {
  const pathname = request.nextUrl.pathname
  const area = areaOf(pathname)
  if (!decodable(new URL(request.url).pathname)) {
    return new NextResponse(
      'Bad request: this address cannot be read (a % is not followed by a valid UTF-8 escape).',
      {
        status: 400,
        headers: { ...securityHeaders('api'), 'content-type': 'text/plain; charset=utf-8' },
      },
    )
  }
  const nonce = area === 'admin' ? Buffer.from(crypto.randomUUID()).toString('base64') : undefined
  const headers = securityHeaders(area, {
    nonce,
    development: process.env.NODE_ENV === 'development',
  })
  const requestHeaders = new Headers(request.headers)
  if (nonce) {
    requestHeaders.set('x-nonce', nonce)
    requestHeaders.set('content-security-policy', headers['content-security-policy']!)
  }
  if (
    takesSession(pathname) &&
    requestHeaders.has('cookie') &&
    !sessionCookieAllowed(
      {
        method: request.method,
        origin: request.headers.get('origin'),
        secFetchSite: request.headers.get('sec-fetch-site'),
      },
      allowed,
    )
  ) {
    requestHeaders.delete('cookie')
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}
