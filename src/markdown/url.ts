/** Where a URL is used: a link's `href` or an image's `src`. */
export type UrlUse = 'href' | 'src'

/** Schemes allowed per use. No `data:` anywhere, images included: images are files on a server. */
export const ALLOWED_SCHEMES: Readonly<Record<UrlUse, readonly string[]>> = {
  href: ['http', 'https', 'mailto', 'tel'],
  src: ['http', 'https'],
}

export type UrlVerdict =
  | { safe: true; /** The URL with its scheme lower-cased. */ url: string }
  | { safe: false; /** What to do, for the message. */ advice: string }

/**
 * Decides whether a (markdown-normalized) URL may be output. The rule matches rehype-sanitize's
 * protocol check, so the sanitizer never drops a URL silently: a colon before any `/`, `?` or `#`
 * makes the text before it a scheme, which must be allowed. Schemes are compared case-insensitively
 * and lower-cased in the result. Relative URLs are safe, except protocol-relative ones (`//host`),
 * which hide an external address.
 */
export function checkUrl(url: string, use: UrlUse): UrlVerdict {
  // Browsers strip leading and trailing controls/spaces and remove tabs and newlines anywhere.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const seen = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
  const allowed = ALLOWED_SCHEMES[use]
  const advice =
    use === 'href'
      ? `only ${allowed.join(', ')} and relative links are allowed`
      : `only ${allowed.join(' and ')} images are allowed (no data: URLs)`
  if (/^[/\\]{2}/.test(seen)) {
    return { safe: false, advice: 'write the full address, starting with https://' }
  }
  const colon = seen.indexOf(':')
  const end = firstIndex(seen, ['/', '?', '#'])
  if (colon === -1 || (end !== -1 && colon > end)) return { safe: true, url: seen }
  const scheme = seen.slice(0, colon).toLowerCase()
  if (!allowed.includes(scheme)) return { safe: false, advice }
  return { safe: true, url: scheme + seen.slice(colon) }
}

function firstIndex(value: string, needles: string[]): number {
  let first = -1
  for (const needle of needles) {
    const index = value.indexOf(needle)
    if (index !== -1 && (first === -1 || index < first)) first = index
  }
  return first
}
