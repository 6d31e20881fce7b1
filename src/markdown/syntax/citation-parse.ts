import type { CitationItem } from '../data'

/**
 * A citation key as written after `@`: Pandoc's rule, the same characters as
 * `CITATION_KEY_PATTERN` in `src/references/identifiers.ts`, with punctuation allowed only inside the key, so
 * `[@smith2020.]` cites `smith2020`.
 */
export const KEY_SOURCE = '[A-Za-z0-9_](?:[A-Za-z0-9_:.#$%&\\-+?<>~/]*[A-Za-z0-9_])?'

// Prefix (optional, ends in whitespace), optional author-suppressing `-`, `@key`, then the rest.
const ITEM = new RegExp(`^(?:([^@]*?)\\s+)?-?@(${KEY_SOURCE})([\\s\\S]*)$`)

/** Longest citation group accepted, in characters between the brackets. */
export const MAX_CITATION_LENGTH = 1000

/**
 * Parses the text between the brackets of a Pandoc citation group (`see @a, p. 3; @b`). Returns
 * the items in written order, or undefined when the text is not a citation group (then the
 * brackets are ordinary text).
 */
export function parseCitationGroup(inner: string): CitationItem[] | undefined {
  if (inner.length === 0 || inner.length > MAX_CITATION_LENGTH) return undefined
  const items: CitationItem[] = []
  for (const part of inner.split(';')) {
    const match = ITEM.exec(part.replace(/\s+/g, ' ').trim())
    if (!match) return undefined
    const [, prefix = '', key = '', rest = ''] = match
    // `@a@b` or `@a, see @b` without a semicolon: not a citation Pandoc would accept.
    if (rest.includes('@')) return undefined
    const locator = rest.replace(/^\s*,/, '').trim()
    // Punctuation alone after the key (`[@a.]`) is not a locator.
    items.push({
      key,
      prefix: prefix.trim(),
      locator: /^[\p{P}\s]*$/u.test(locator) ? '' : locator,
    })
  }
  return items
}

// `@` and a run of key characters (at most 200), trailing punctuation stripped afterwards: linear
// in the text, whatever it holds.
const CANDIDATE = /@([A-Za-z0-9_][A-Za-z0-9_:.#$%&\-+?<>~/]{0,199})/g
const TRAILING_PUNCTUATION = /[:.#$%&\-+?<>~/]+$/

/**
 * Every key that a citation in `markdown` could name: a superset of the keys it cites (every
 * `[@key]` contains `@key` literally; so do e-mail addresses, which are harmless extras). For
 * picking, among many references, the few a document may cite before rendering it.
 */
export function citationKeyCandidates(markdown: string): Set<string> {
  const keys = new Set<string>()
  for (const match of markdown.matchAll(CANDIDATE)) {
    keys.add(match[1]!.replace(TRAILING_PUNCTUATION, ''))
  }
  return keys
}
