import { CITATION_KEY_PATTERN } from './identifiers'

/**
 * Citation keys made for references that arrive without one (RIS, MEDLINE, CSL-JSON pastes,
 * DOI/PMID look-ups): `firstauthorYEARword`, the form Zotero and Better BibTeX use, e.g.
 * `sasson2013increasing`. Lowercase ASCII letters and digits only, so every key is valid in
 * Markdown as `[@key]`.
 */

/** Title words that are never the key's word. */
const STOP_WORDS = new Set(
  'a an and as at by for from in into is of on or the to with about after before between over under via without'.split(
    ' ',
  ),
)

const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

/** Lowercase ASCII letters and digits of `text`: accents dropped, `ß` -> `ss`, the rest removed. */
export function asciiWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTERS[letter] ?? '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

interface KeyParts {
  author?: Array<{ family?: string; literal?: string }>
  editor?: Array<{ family?: string; literal?: string }>
  issued?: { 'date-parts'?: Array<Array<number | string>> }
  title?: string | number
}

/** The key a reference would get before making it unique: `firstauthorYEARword`. */
export function baseCitationKey(item: KeyParts): string {
  const person = item.author?.[0] ?? item.editor?.[0]
  const name = asciiWords(person?.family ?? person?.literal ?? '')
  const year = item.issued?.['date-parts']?.[0]?.[0]
  const words = asciiWords(String(item.title ?? ''))
  const word = words.find((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w)) ?? words[0] ?? ''
  // An organisation's name is long: its first word is enough (`world2021guideline`).
  const author = person?.family !== undefined ? name.join('') : (name[0] ?? '')
  const yearPart = year !== undefined && /^-?\d+$/.test(String(year)) ? String(year) : 'nd'
  return `${author || 'anon'}${yearPart}${word}`
}

/** `base`, or `base` with the first free suffix b, c, … z, ba, bb, … that is not in `taken`. */
export function uniqueCitationKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 1; ; n++) {
    const key = base + suffix(n)
    if (!taken.has(key)) return key
  }
}

// 1 -> b, …, 24 -> z, 25 -> ba, …: never "a" alone, which reads as part of the word.
function suffix(n: number): string {
  const letters = 'bcdefghijklmnopqrstuvwxyz'
  let out = ''
  let rest = n - 1
  do {
    out = letters[rest % letters.length] + out
    rest = Math.floor(rest / letters.length) - 1
  } while (rest >= 0)
  return out
}

/** Whether `key` can be cited as `[@key]` (see CITATION_KEY_PATTERN). */
export function isCitationKey(key: string): boolean {
  return CITATION_KEY_PATTERN.test(key)
}
