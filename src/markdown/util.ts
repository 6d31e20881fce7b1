/** `#id` as an href, with the id percent-encoded where a URL needs it. */
export function fragmentHref(id: string): string {
  return '#' + encodeURIComponent(id)
}

/** The id an in-page href points at, decoded; undefined when `href` is not `#...`. */
export function fragmentId(href: string): string | undefined {
  if (!href.startsWith('#')) return undefined
  const raw = href.slice(1)
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
