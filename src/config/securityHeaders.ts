/**
 * The security headers of every response: the published site, the admin (with its assets and the
 * code editor), and the API. One home, so the site server, the proxy and tests agree.
 */

/** Which part of the platform a path belongs to: each has its own content policy. */
export type Area = 'site' | 'admin' | 'api'

export function areaOf(pathname: string): Area {
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api'
  if (
    pathname === '/admin' ||
    pathname.startsWith('/admin/') ||
    pathname.startsWith('/_next/') ||
    pathname.startsWith('/monaco/')
  ) {
    return 'admin'
  }
  return 'site'
}

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')

/**
 * The published site runs only its own files: no inline script, no inline style, nothing from
 * elsewhere (the search index is plain JSON read by the site's own script, no WebAssembly). No
 * page of it may be framed by another origin.
 */
export const SITE_CSP = policy({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
})

/**
 * The admin: scripts from this origin, and inline scripts only with this response's nonce (the
 * ones Next.js writes). Inline styles are allowed: Payload's components and the code editor set
 * them at run time. The editor's workers start from blob: URLs. Only this origin may frame it.
 */
export function adminCsp(nonce: string, development = false): string {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  })
}

/**
 * The API answers data, not pages to run (the page preview it renders is shown in the admin's
 * sandboxed frame, under the admin's policy).
 */
export const API_CSP = policy({
  'default-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'frame-ancestors': ["'self'"],
})

/** Every header for a response in `area`; `nonce` is required for the admin. */
export function securityHeaders(
  area: Area,
  { nonce, development = false }: { nonce?: string; development?: boolean } = {},
): Record<string, string> {
  if (area === 'admin' && !nonce) throw new Error('the admin policy needs a nonce')
  return {
    'content-security-policy':
      area === 'site' ? SITE_CSP : area === 'api' ? API_CSP : adminCsp(nonce!, development),
    'referrer-policy': area === 'site' ? 'strict-origin-when-cross-origin' : 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  }
}
