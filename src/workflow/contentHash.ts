import { createHash } from 'node:crypto'

/** One audience variant of an article (e.g. a plain-language version for patients). */
export interface ContentVariant {
  audience: string
  title?: string | null
  summary?: string | null
  body: string
}

/** The content an approval binds to: everything a reader of the article sees. */
export interface ContentInput {
  /** The question. */
  title: string
  summary?: string | null
  /** Markdown. */
  body: string
  variants?: readonly ContentVariant[] | null
  /**
   * The CSL-JSON data of each cited reference. Its citation key is `key` when that is a string
   * (a Payload `citations` document, whose `id` is then the database id) and `id` otherwise (plain
   * CSL-JSON, as in `content/references.json`), so both shapes of one reference hash the same.
   */
  references: readonly Record<string, unknown>[]
}

/**
 * Version of the canonical form below, stored inside it: a change to the rules makes every hash
 * change, visibly, rather than silently colliding with old ones.
 */
export const CANONICAL_CONTENT_VERSION = 1

/**
 * Top-level reference fields that are bookkeeping, not content: Payload timestamps and draft
 * status, the reviewer's verification flag and its record, MongoDB internals, and the database
 * `id` (dropped in favour of the citation key; see `ContentInput.references`).
 */
export const VOLATILE_REFERENCE_KEYS: readonly string[] = [
  'createdAt',
  'updatedAt',
  'verified',
  'verifiedBy',
  'verifiedAt',
  '_status',
  '_id',
  '__v',
  'id',
  'key',
]

/**
 * The canonical serialization of an article revision's content, the input of `contentHash`: JSON
 * with keys sorted at every depth, so it does not depend on how the data was assembled. Two
 * revisions that render the same to readers serialize the same; any change readers could see
 * changes it. Normalization, applied before serializing:
 * - every string: line endings `\r\n` and `\r` become `\n`, Unicode is NFC (canonically equivalent
 *   text is the same text);
 * - title, summary, variant audience/title/summary: trimmed (plain text, where surrounding
 *   whitespace never shows);
 * - body (and variant bodies): leading blank lines and trailing whitespace at the end removed,
 *   which CommonMark ignores; whitespace inside the text is kept, line ends included (two trailing
 *   spaces are a hard line break);
 * - optional fields that are null, undefined or blank are omitted, so "no summary" has one form;
 * - variants: only `audience`, `title`, `summary`, `body` count (Payload row ids do not); sorted by
 *   audience, because readers pick one audience and never see the array order;
 * - references: keyed by citation key (see `ContentInput.references`), sorted by it, because the
 *   numbers readers see follow the order of first citation in the body, which the body already
 *   binds; the same reference listed twice counts once. Every other field counts, at any depth,
 *   except `VOLATILE_REFERENCE_KEYS` at the top level and `id` inside nested objects (Payload
 *   array-row ids; CSL names and dates have no `id`). Null, undefined, '' and empty arrays and
 *   objects are omitted, as Payload and CSL-JSON files disagree on how to say "none".
 * Throws a TypeError for a reference without a citation key, two different references with the
 * same key, or a value JSON cannot represent (function, symbol, bigint, non-finite number, cycle).
 */
export function canonicalContent(input: ContentInput): string {
  const references = canonicalReferences(input.references)
  const variants = (input.variants ?? [])
    .map((variant, index) =>
      omitEmpty({
        audience: audience(variant.audience, index),
        title: plainText(variant.title),
        summary: plainText(variant.summary),
        body: markdown(variant.body),
      }),
    )
    .map((variant) => ({ variant, json: stableStringify(variant) }))
    .sort(
      (a, b) =>
        compare(String(a.variant.audience), String(b.variant.audience)) || compare(a.json, b.json),
    )
    .map(({ variant }) => variant)
  return stableStringify(
    omitEmpty({
      v: CANONICAL_CONTENT_VERSION,
      title: plainText(input.title) ?? '',
      summary: plainText(input.summary),
      body: markdown(input.body),
      variants,
      references,
    }),
  )
}

/** SHA-256, lowercase hex, of the UTF-8 bytes of `canonicalContent(input)`. */
export function contentHash(input: ContentInput): string {
  return createHash('sha256').update(canonicalContent(input), 'utf8').digest('hex')
}

/** A 64-character lowercase hex string, the shape `contentHash` returns. */
export function isContentHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)
}

function canonicalReferences(references: readonly Record<string, unknown>[]): unknown[] {
  if (!Array.isArray(references)) {
    throw new TypeError('canonicalContent: references must be an array (empty when none)')
  }
  const byKey = new Map<string, { value: Record<string, unknown>; json: string }>()
  references.forEach((reference, index) => {
    if (reference === null || typeof reference !== 'object' || Array.isArray(reference)) {
      throw new TypeError(`canonicalContent: reference ${index} is not an object`)
    }
    const key = citationKey(reference)
    if (key === undefined) {
      throw new TypeError(
        `canonicalContent: reference ${index} has no citation key (a string \`key\`, or \`id\` in CSL-JSON)`,
      )
    }
    const fields: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(reference)) {
      if (!VOLATILE_REFERENCE_KEYS.includes(name)) fields[name] = normalizeValue(value, [], 1)
    }
    const value = omitEmpty({ ...fields, id: key })
    const json = stableStringify(value)
    const seen = byKey.get(key)
    if (seen !== undefined && seen.json !== json) {
      throw new TypeError(
        `canonicalContent: two different references have the citation key ${JSON.stringify(key)}`,
      )
    }
    byKey.set(key, { value, json })
  })
  return [...byKey.keys()].sort(compare).map((key) => byKey.get(key)!.value)
}

function citationKey(reference: Record<string, unknown>): string | undefined {
  const candidate = typeof reference.key === 'string' ? reference.key : reference.id
  if (typeof candidate !== 'string' && typeof candidate !== 'number') return undefined
  const key = normalizeString(String(candidate)).trim()
  return key === '' ? undefined : key
}

/** Normalized copy of a JSON-like value; nested objects lose `id` (Payload array-row ids). */
function normalizeValue(value: unknown, ancestors: object[], depth: number): unknown {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return normalizeString(value)
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`canonicalContent: ${String(value)} cannot be serialized`)
    }
    return value
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new TypeError('canonicalContent: an invalid Date cannot be serialized')
    }
    return value.toISOString()
  }
  if (typeof value !== 'object') {
    throw new TypeError(`canonicalContent: a ${typeof value} cannot be serialized`)
  }
  if (ancestors.includes(value)) {
    throw new TypeError('canonicalContent: a reference contains a cycle')
  }
  const inside = [...ancestors, value]
  if (Array.isArray(value)) {
    // Positions in an array carry meaning (author order), so holes become null rather than vanish.
    const items = value.map((item) => normalizeValue(item, inside, depth + 1) ?? null)
    return items.length === 0 ? undefined : items
  }
  const fields: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(value)) {
    if (depth >= 1 && name === 'id') continue
    fields[name] = normalizeValue(field, inside, depth + 1)
  }
  const result = omitEmpty(fields)
  return Object.keys(result).length === 0 ? undefined : result
}

function normalizeString(value: string): string {
  return value.replace(/\r\n?/g, '\n').normalize('NFC')
}

/** Trimmed normalized text, or undefined when null, undefined or blank. */
function plainText(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'string') {
    throw new TypeError(`canonicalContent: expected text, got a ${typeof value}`)
  }
  const text = normalizeString(value).trim()
  return text === '' ? undefined : text
}

function audience(value: string, index: number): string {
  const text = plainText(value)
  if (text === undefined) throw new TypeError(`canonicalContent: variant ${index} has no audience`)
  return text
}

/** Normalized Markdown without the leading blank lines and trailing whitespace CommonMark ignores. */
function markdown(value: string): string {
  if (typeof value !== 'string') {
    throw new TypeError(`canonicalContent: expected Markdown text, got a ${typeof value}`)
  }
  return normalizeString(value)
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd()
}

/** A copy without the fields whose value is undefined, '' or an empty array. */
function omitEmpty<T extends Record<string, unknown>>(record: T): Partial<T> {
  const result: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    result[name] = value
  }
  return result as Partial<T>
}

/** JSON with object keys in code-unit order at every depth. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort(compare)
      .map(
        (key) =>
          `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`,
      )
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
