import type { Point } from 'unist'

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

/** The line/column point of a character offset in `source`. */
export function pointAt(source: string, offset: number): Point {
  let line = 1
  let lineStart = 0
  for (
    let index = source.indexOf('\n');
    index !== -1 && index < offset;
    index = source.indexOf('\n', index + 1)
  ) {
    line++
    lineStart = index + 1
  }
  return { line, column: offset - lineStart + 1, offset }
}
