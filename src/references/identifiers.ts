/**
 * The identifiers a reference carries (DOI, PMID, PMCID, ISBN, URL) and the citation key: how a
 * pasted or exported value is normalized, and when the normalized value is valid. The CSL-JSON
 * schema, the citations collection and the importer all use these, so they accept, clean and
 * refuse exactly the same values.
 */

/**
 * A citation key as Pandoc reads it: starts with a letter, digit or underscore, may hold internal
 * punctuation, and does not end in punctuation (Pandoc reads that as text after the key).
 */
export const CITATION_KEY_PATTERN = /^[A-Za-z0-9_](?:[A-Za-z0-9_:.#$%&\-+?<>~/]*[A-Za-z0-9_])?$/
export const CITATION_KEY_HINT =
  'a citation key starts with a letter, digit or underscore and does not end in punctuation, e.g. smith2021'

/** One kind of identifier, as a CSL-JSON variable. */
export interface Identifier {
  /** The CSL-JSON variable that holds it. */
  variable: 'DOI' | 'PMID' | 'PMCID' | 'ISBN' | 'URL'
  label: string
  /** The value as stored: prefixes, resolver addresses and separators removed. Never throws. */
  normalize(value: string): string
  /** Whether a normalized value is one. */
  isValid(value: string): boolean
  /** What a valid value looks like, for messages. */
  hint: string
}

const DOI_RESOLVER = /^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//i

/**
 * A DOI without a resolver: `https://doi.org/10.1/x`, `http://dx.doi.org/10.1/x`, `doi:10.1/x`
 * and `DOI: 10.1/x` all become `10.1/x`. A resolver address is percent-decoded, as DOIs are
 * printed decoded.
 */
export function normalizeDoi(value: string): string {
  const trimmed = value.trim()
  if (DOI_RESOLVER.test(trimmed)) {
    const path = trimmed.replace(DOI_RESOLVER, '')
    try {
      return decodeURIComponent(path).trim()
    } catch {
      return path.trim()
    }
  }
  return trimmed.replace(/^doi:\s*/i, '').trim()
}

/** `10.<registrant>/<suffix>` (the DOI Handbook's syntax: numeric registrant, any suffix). */
export function isDoi(value: string): boolean {
  return /^10\.\d+(?:\.\d+)*\/\S+$/.test(value)
}

/** A PubMed identifier without its label: `PMID: 123` and `pmid:123` become `123`. */
export function normalizePmid(value: string): string {
  return value.trim().replace(/^pmid:\s*/i, '')
}

/** 1 to 8 digits. */
export function isPmid(value: string): boolean {
  return /^\d{1,8}$/.test(value)
}

/** A PubMed Central identifier with its `PMC` prefix: `pmc123`, `PMCID: PMC123`, `123` -> `PMC123`. */
export function normalizePmcid(value: string): string {
  const bare = value
    .trim()
    .replace(/^pmcid:\s*/i, '')
    .replace(/^pmc/i, '')
  return /^\d+$/.test(bare) ? `PMC${bare}` : value.trim()
}

/** `PMC` and 1 to 9 digits. */
export function isPmcid(value: string): boolean {
  return /^PMC\d{1,9}$/.test(value)
}

/** An ISBN as digits only (`X` for a check digit of ten): label, hyphens and spaces removed. */
export function normalizeIsbn(value: string): string {
  return value
    .trim()
    .replace(/^isbn(?:-1[03])?:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase()
}

/** An ISBN-10 (check digit mod 11, `X` for 10) or ISBN-13 (978/979, check digit mod 10). */
export function isIsbn(value: string): boolean {
  if (/^\d{9}[\dX]$/.test(value)) {
    let sum = 0
    for (let i = 0; i < 10; i++) {
      const digit = value[i] === 'X' ? 10 : Number(value[i])
      sum += digit * (10 - i)
    }
    return sum % 11 === 0
  }
  if (/^97[89]\d{10}$/.test(value)) {
    let sum = 0
    for (let i = 0; i < 13; i++) sum += Number(value[i]) * (i % 2 === 0 ? 1 : 3)
    return sum % 10 === 0
  }
  return false
}

/** A URL with the surrounding whitespace of a paste removed. */
export function normalizeUrl(value: string): string {
  return value.trim()
}

/** An absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  return /^https?:$/.test(new URL(value).protocol)
}

export const DOI: Identifier = {
  variable: 'DOI',
  label: 'DOI',
  normalize: normalizeDoi,
  isValid: isDoi,
  hint: 'a DOI looks like 10.1234/abc (a https://doi.org/ or doi: prefix is removed for you)',
}

export const PMID: Identifier = {
  variable: 'PMID',
  label: 'PMID',
  normalize: normalizePmid,
  isValid: isPmid,
  hint: 'a PMID is 1 to 8 digits, e.g. 33301246',
}

export const PMCID: Identifier = {
  variable: 'PMCID',
  label: 'PMCID',
  normalize: normalizePmcid,
  isValid: isPmcid,
  hint: 'a PMCID is PMC followed by digits, e.g. PMC7745181',
}

export const ISBN: Identifier = {
  variable: 'ISBN',
  label: 'ISBN',
  normalize: normalizeIsbn,
  isValid: isIsbn,
  hint: 'an ISBN has 10 or 13 digits (hyphens and spaces are removed for you) and must end in the right check digit: copy it again from the book',
}

export const URL_IDENTIFIER: Identifier = {
  variable: 'URL',
  label: 'URL',
  normalize: normalizeUrl,
  isValid: isHttpUrl,
  hint: 'a reference URL is an http(s) address, e.g. https://www.who.int/…',
}

/** Every identifier, by its CSL-JSON variable. */
export const IDENTIFIERS = {
  DOI,
  PMID,
  PMCID,
  ISBN,
  URL: URL_IDENTIFIER,
} as const satisfies Record<Identifier['variable'], Identifier>

/** Why `value` (already normalized) is not a valid `identifier`, or undefined when it is. */
export function identifierProblem(identifier: Identifier, value: string): string | undefined {
  return identifier.isValid(value) ? undefined : `"${value}" is not valid: ${identifier.hint}`
}
