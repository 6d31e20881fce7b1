import { type CslItem, type CslType, orderCslFields } from './csl'
import { isPlainObject, stableStringify } from './json'

/**
 * The one mapping between CSL-JSON and what the citations collection stores: the fields reviewers
 * edit in the admin have columns of their own, and `csl` holds every other CSL field the item had,
 * so storing a reference loses nothing. `fromStored(toStored(item))` is `item` for any item the
 * CSL schema produced, which is what makes an import, the approval hash and the publisher agree.
 */

/** A name as one row of the `authors` array. */
export interface StoredName {
  family?: string | null
  given?: string | null
  literal?: string | null
  nonDroppingParticle?: string | null
  droppingParticle?: string | null
  suffix?: string | null
}

/** The single date the `issued` columns hold. */
export interface StoredDate {
  year?: number | null
  month?: number | null
  day?: number | null
}

/** A citations document as stored, independent of Payload's generated types. */
export interface StoredReference {
  key: string
  type: CslType
  title: string
  authors?: StoredName[] | null
  containerTitle?: string | null
  publisher?: string | null
  issued?: StoredDate
  volume?: string | null
  issue?: string | null
  page?: string | null
  doi?: string | null
  pmid?: string | null
  pmcid?: string | null
  isbn?: string | null
  url?: string | null
  note?: string | null
  /**
   * Every other CSL field, as a JSON object keyed by CSL variable. Also `author` when a name does
   * not fit an `authors` row, and `issued` for what the `issued` columns cannot hold (a range, a
   * season, a literal date). Unknown type: Payload types a JSON field as any JSON value.
   */
  csl?: unknown
}

/** CSL text variables with a column: [CSL variable, column]. */
const TEXT_COLUMNS = [
  ['container-title', 'containerTitle'],
  ['publisher', 'publisher'],
  ['volume', 'volume'],
  ['issue', 'issue'],
  ['page', 'page'],
  ['DOI', 'doi'],
  ['PMID', 'pmid'],
  ['PMCID', 'pmcid'],
  ['ISBN', 'isbn'],
  ['URL', 'url'],
  ['note', 'note'],
] as const satisfies readonly (readonly [string, keyof StoredReference])[]

/** Name parts with a column in an `authors` row: [CSL name part, column]. */
const NAME_COLUMNS = [
  ['family', 'family'],
  ['given', 'given'],
  ['literal', 'literal'],
  ['non-dropping-particle', 'nonDroppingParticle'],
  ['dropping-particle', 'droppingParticle'],
  ['suffix', 'suffix'],
] as const satisfies readonly (readonly [string, keyof StoredName])[]

/** The `issued` columns' ranges (the admin's number fields refuse values outside them). */
export const STORED_DATE_RANGES = {
  year: { min: 1500, max: 2200 },
  month: { min: 1, max: 12 },
  day: { min: 1, max: 31 },
} as const

/**
 * CSL variables that have their own fields, so `csl` must not hold them; `author` and `issued`
 * may be in `csl` when their fields cannot hold them (see `StoredReference.csl`).
 */
export const COLUMN_VARIABLES: readonly string[] = [
  'id',
  'type',
  'title',
  ...TEXT_COLUMNS.map(([variable]) => variable),
]

const present = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined && value !== ''

/** The stored form of a CSL item (what to create or update a citations document with). */
export function toStored(item: CslItem): StoredReference {
  const rest: Record<string, unknown> = { ...item }
  delete rest.id
  delete rest.type
  delete rest.title
  const stored: StoredReference = { key: item.id, type: item.type, title: item.title }

  const authors = item.author && nameRows(item.author)
  if (authors) {
    stored.authors = authors
    delete rest.author
  } else stored.authors = []

  const date = item.issued && splitDate(item.issued)
  if (date) {
    stored.issued = date.columns
    if (date.rest) rest.issued = date.rest
    else delete rest.issued
  } else stored.issued = { year: null, month: null, day: null }

  for (const [variable, column] of TEXT_COLUMNS) {
    const value = item[variable]
    if (typeof value === 'string') {
      stored[column] = value
      delete rest[variable]
    } else stored[column] = null
  }
  stored.csl = Object.keys(rest).length ? orderCslFields(rest) : null
  return stored
}

/** The CSL item a stored citation is: columns first, then the rest from `csl`. */
export function fromStored(stored: StoredReference): CslItem {
  const extra = stored.csl ?? {}
  if (!isPlainObject(extra)) {
    throw new TypeError(
      `citation ${stored.key}: "csl" must be a JSON object of CSL fields, not ${JSON.stringify(extra)}`,
    )
  }
  const item: Record<string, unknown> = { ...extra }
  item.id = stored.key
  item.type = stored.type
  item.title = stored.title

  const authors = (stored.authors ?? []).map(nameOf).filter((name) => Object.keys(name).length)
  if (authors.length) item.author = authors

  const issued = joinDate(stored.issued, extra.issued)
  if (issued) item.issued = issued
  else delete item.issued

  for (const [variable, column] of TEXT_COLUMNS) {
    const value = stored[column]
    if (present(value)) item[variable] = value
  }
  return orderCslFields(item) as CslItem
}

/**
 * What every approval, import and publish compares and hashes for a reference: the item as it
 * will be stored and read back. For items from `cslItemSchema` this is the item itself.
 */
export function canonicalReference(item: CslItem): CslItem {
  return fromStored(toStored(item))
}

/** Whether two references hold the same data (key order aside, at any depth). */
export function sameReference(a: CslItem, b: CslItem): boolean {
  return stableStringify(a) === stableStringify(b)
}

/**
 * Why a value cannot be a citation's `csl` field, or undefined when it can: it must be a JSON
 * object, and must not hold a variable that has its own field.
 */
export function extraCslProblem(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (!isPlainObject(value)) {
    return 'the other CSL fields are a JSON object such as {"ISSN": "1533-4406", "language": "en"}'
  }
  const taken = Object.keys(value).filter((key) => COLUMN_VARIABLES.includes(key))
  if (taken.length) {
    return `${taken.map((key) => `"${key}"`).join(', ')} ${taken.length === 1 ? 'has' : 'have'} a field of its own above: move the value there and remove it here`
  }
  return undefined
}

/** The rows for a name list, or undefined when a name has parts that rows cannot hold. */
function nameRows(names: readonly unknown[]): StoredName[] | undefined {
  const rows: StoredName[] = []
  for (const name of names) {
    if (!isPlainObject(name)) return undefined
    const row: StoredName = {}
    const parts: readonly string[] = NAME_COLUMNS.map(([part]) => part)
    if (Object.keys(name).some((part) => !parts.includes(part))) return undefined
    for (const [part, column] of NAME_COLUMNS) {
      const value = name[part]
      if (value === undefined) row[column] = null
      else if (typeof value === 'string' && value !== '') row[column] = value
      else return undefined
    }
    rows.push(row)
  }
  return rows
}

function nameOf(row: StoredName): Record<string, string> {
  const name: Record<string, string> = {}
  for (const [part, column] of NAME_COLUMNS) {
    const value = row[column]
    if (present(value)) name[part] = value
  }
  return name
}

/**
 * The `issued` columns for a date whose first (only) date fits them, and what else the date
 * says (season, circa…); undefined when the columns cannot hold it (a range, a literal, a month
 * outside 1-12…), so it is stored whole in `csl`.
 */
function splitDate(
  date: unknown,
): { columns: StoredDate; rest?: Record<string, unknown> } | undefined {
  if (!isPlainObject(date)) return undefined
  const { 'date-parts': parts, ...rest } = date
  if (!Array.isArray(parts) || parts.length !== 1 || !Array.isArray(parts[0])) return undefined
  const [year, month, day, ...more] = parts[0] as unknown[]
  if (more.length) return undefined
  const fits = (value: unknown, range: { min: number; max: number }) =>
    Number.isInteger(value) && (value as number) >= range.min && (value as number) <= range.max
  if (!fits(year, STORED_DATE_RANGES.year)) return undefined
  if (month !== undefined && !fits(month, STORED_DATE_RANGES.month)) return undefined
  if (day !== undefined && (month === undefined || !fits(day, STORED_DATE_RANGES.day))) {
    return undefined
  }
  return {
    columns: {
      year: year as number,
      month: (month as number | undefined) ?? null,
      day: (day as number | undefined) ?? null,
    },
    rest: Object.keys(rest).length ? rest : undefined,
  }
}

/** The CSL date from the `issued` columns and what `csl.issued` adds; the columns win. */
function joinDate(
  columns: StoredDate | null | undefined,
  extra: unknown,
): Record<string, unknown> | undefined {
  const date: Record<string, unknown> = isPlainObject(extra) ? { ...extra } : {}
  const part: number[] = []
  for (const value of [columns?.year, columns?.month, columns?.day]) {
    if (!present(value)) break
    part.push(value)
  }
  if (part.length) date['date-parts'] = [part]
  return Object.keys(date).length ? date : undefined
}
