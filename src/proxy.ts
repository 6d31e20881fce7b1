import { type NextRequest, NextResponse } from 'next/server'

import { allowedOrigins, readEnv, sessionCookieAllowed } from './config/env'

const allowed = allowedOrigins(readEnv())

/**
 * The CSRF rule for the admin and the API (`sessionCookieAllowed`): a request it refuses is served
 * without its cookies, i.e. as an anonymous caller. Payload's own check is off (`csrf: []` in
 * payload.config.ts) because it refuses every GET from a plain-http address such as the network
 * one, where browsers send neither Origin nor Fetch Metadata.
 */
export function proxy(request: NextRequest): NextResponse {
  const allowedHere = sessionCookieAllowed(
    {
      method: request.method,
      origin: request.headers.get('origin'),
      secFetchSite: request.headers.get('sec-fetch-site'),
    },
    allowed,
  )
  if (allowedHere || !request.headers.has('cookie')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.delete('cookie')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
