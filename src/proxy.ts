import { type NextRequest, NextResponse } from 'next/server'

import { areaOf, securityHeaders } from './config/securityHeaders'

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

/**
 * Runs before every request: gives the admin a fresh script nonce (Next.js reads it from the
 * request's Content-Security-Policy and puts it on the scripts it writes) and sets the security
 * headers of src/config/securityHeaders.ts on every response.
 */
export function proxy(request: NextRequest): NextResponse {
  const area = areaOf(request.nextUrl.pathname)
  const raw = new URL(request.url).pathname
  if (!decodable(raw)) {
    // Next.js cannot route an address it cannot decode, and answered 500 without a page to say so.
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
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}
