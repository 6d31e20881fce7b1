/**
 * Formats of the people and page identifiers the platform stores (URL slugs, ORCID iDs), shared
 * by the collections' field validation and the content importer. Reference identifiers (DOI,
 * PMID, citation keys…) live in src/references.
 */

/** A URL slug: lowercase words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const ORCID_HINT = 'an ORCID iD looks like 0000-0002-1825-0097 (16 digits, last may be X)'
export const SLUG_HINT = 'a slug is lowercase letters and digits joined by single hyphens'

/** An ORCID iD, with its ISO 7064 MOD 11-2 check digit verified. */
export function isValidOrcid(value: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return false
  const digits = value.replace(/-/g, '')
  let total = 0
  for (const ch of digits.slice(0, 15)) total = (total + Number(ch)) * 2
  const check = (12 - (total % 11)) % 11
  return digits[15] === (check === 10 ? 'X' : String(check))
}

/** A URL slug from free text: accents folded, lowercase, at most `max` characters, whole words. */
export function slugify(text: string, max = 80): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > max) break
    slug = next
  }
  return slug || words[0]?.slice(0, max) || ''
}

/** `base`, or `base-2`, `base-3`… : the first that `taken` says is free. */
export async function firstFreeSlug(
  base: string,
  taken: (slug: string) => Promise<boolean>,
): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!(await taken(candidate))) return candidate
  }
}
