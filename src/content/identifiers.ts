/**
 * Formats of the identifiers the platform stores, shared by the collections' field validation and
 * the content importer so both accept and refuse the same values.
 */

/** A DOI: `10.<registrant>/<suffix>`, as printed, without a resolver prefix. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/
/** A PubMed identifier: digits only, 1 to 8 of them. */
export const PMID_PATTERN = /^\d{1,8}$/
/**
 * A citation key as Pandoc reads it: starts with a letter, digit or underscore, may hold internal
 * punctuation, and does not end in punctuation (Pandoc reads that as text after the key).
 */
export const CITATION_KEY_PATTERN = /^[A-Za-z0-9_](?:[A-Za-z0-9_:.#$%&\-+?<>~/]*[A-Za-z0-9_])?$/
/** A URL slug: lowercase words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const DOI_HINT = 'a DOI looks like 10.1234/abc (no https://doi.org/ prefix)'
export const PMID_HINT = 'a PMID is 1 to 8 digits'
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
