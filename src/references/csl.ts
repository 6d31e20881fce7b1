import { z } from 'zod'

import {
  CITATION_KEY_HINT,
  CITATION_KEY_PATTERN,
  IDENTIFIERS,
  type Identifier,
  identifierProblem,
} from './identifiers'
import { isPlainObject } from './json'

/**
 * CSL-JSON 1.0.2, the reference format shared by Zotero, PubMed's citation exporter, Pandoc and
 * citation-js. `id` is the citation key authors write as `[@id]` in Markdown.
 *
 * Parsing normalizes, so that one reference has one form wherever it comes from:
 * - properties that are null, '', [] or {} are dropped (exporters disagree on how to say "none");
 * - `id` and the fields the citations collection stores as text (title, container-title,
 *   publisher, volume, issue, page, note) become strings;
 * - DOI, PMID, PMCID, ISBN and URL are normalized (`https://doi.org/10.1/x` -> `10.1/x`, see
 *   ./identifiers) and then validated; such identifiers written as `PMID: 123` lines in `note`
 *   (Zotero's way for those it has no field for) move to their fields;
 * - date parts that are numeric strings (Zotero writes years as "2021") become numbers, and a
 *   `raw` date that is exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` becomes date-parts;
 * - fields come in a fixed order (see `orderCslFields`).
 * Every other field, standard or not, is kept as exported, so nothing is lost.
 */

/** The CSL 1.0.2 item types. */
export const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const
export type CslType = (typeof CSL_TYPES)[number]

/** The CSL 1.0.2 name variables (lists of people or organizations). */
export const CSL_NAME_VARIABLES = [
  'author',
  'chair',
  'collection-editor',
  'compiler',
  'composer',
  'container-author',
  'contributor',
  'curator',
  'director',
  'editor',
  'editorial-director',
  'executive-producer',
  'guest',
  'host',
  'illustrator',
  'interviewer',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'recipient',
  'reviewed-author',
  'script-writer',
  'series-creator',
  'translator',
] as const

/** The CSL 1.0.2 date variables. */
export const CSL_DATE_VARIABLES = [
  'accessed',
  'available-date',
  'event-date',
  'issued',
  'original-date',
  'submitted',
] as const

/** CSL 1.0.2 text and number variables without a field of their own in the citations collection. */
export const CSL_OTHER_TEXT_VARIABLES = [
  'abstract',
  'annote',
  'archive',
  'archive_collection',
  'archive_location',
  'archive-place',
  'authority',
  'call-number',
  'chapter-number',
  'citation-key',
  'citation-label',
  'citation-number',
  'collection-number',
  'collection-title',
  'container-title-short',
  'dimensions',
  'division',
  'edition',
  'event',
  'event-place',
  'event-title',
  'first-reference-note-number',
  'genre',
  'ISSN',
  'jurisdiction',
  'keyword',
  'language',
  'locator',
  'medium',
  'number',
  'number-of-pages',
  'number-of-volumes',
  'original-publisher',
  'original-publisher-place',
  'original-title',
  'page-first',
  'part',
  'part-title',
  'printing',
  'publisher-place',
  'references',
  'reviewed-genre',
  'reviewed-title',
  'scale',
  'section',
  'source',
  'status',
  'supplement',
  'title-short',
  'version',
  'volume-title',
  'volume-title-short',
  'year-suffix',
] as const

const isText = (value: unknown) => typeof value === 'string' || typeof value === 'number'
const received = (value: unknown) =>
  Array.isArray(value)
    ? 'a list'
    : value === null || value === undefined
      ? 'nothing'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`

/** A text variable: a string, or a number (CSL-JSON allows both for many). Kept as given. */
const textSchema = z.custom<string | number>(isText, {
  error: (issue) => `expected text, got ${received(issue.input)}: write it as a string`,
})

/** A text variable the collection stores as text: a number becomes its string. */
const storedTextSchema = textSchema.transform(String)

function identifierSchema(identifier: Identifier) {
  return storedTextSchema
    .transform((value) => identifier.normalize(value))
    .superRefine((value, ctx) => {
      const problem = identifierProblem(identifier, value)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
}

const namePart = z.string({
  error: (issue) => `a name part is text, got ${received(issue.input)}`,
})
const flag = z.union([z.string(), z.number(), z.boolean()])

/** A person or organization: family/given (with particles and suffix) or a literal name. */
export const cslNameSchema = z
  .looseObject({
    family: namePart.optional(),
    given: namePart.optional(),
    'dropping-particle': namePart.optional(),
    'non-dropping-particle': namePart.optional(),
    suffix: namePart.optional(),
    literal: namePart.optional(),
    'comma-suffix': flag.optional(),
    'static-ordering': flag.optional(),
    'parse-names': flag.optional(),
  })
  .refine((name) => name.family !== undefined || name.literal !== undefined, {
    error:
      'a name needs "family" (with optional "given"), or "literal" for an organization, e.g. {"family": "Smith", "given": "Jane"}',
  })
export type CslName = z.output<typeof cslNameSchema>

const datePart = z.union(
  [
    z.number().int(),
    z
      .string()
      .trim()
      .regex(/^-?\d+$/)
      .transform(Number),
  ],
  {
    error: 'a date part is a whole number: [[2021, 3, 14]] is 14 March 2021',
  },
)

const RAW_ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** A date: date-parts (one date or a range of two), or a literal or raw string; season, circa. */
export const cslDateSchema = z
  .looseObject({
    'date-parts': z
      .array(z.array(datePart).min(1).max(3), {
        error: 'date-parts is a list of dates, each [year, month?, day?]: e.g. [[2021, 3]]',
      })
      .min(1)
      .max(2)
      .optional(),
    season: z.union([z.string(), z.number()]).optional(),
    circa: flag.optional(),
    literal: z.string().optional(),
    raw: z.string().optional(),
  })
  .refine((date) => date['date-parts'] || date.literal || date.raw, {
    error: 'a date needs "date-parts" (e.g. {"date-parts": [[2021, 3]]}), "literal" or "raw"',
  })
  .transform((date) => {
    const match = date['date-parts'] ? null : RAW_ISO_DATE.exec(date.raw ?? '')
    if (!match) return date
    const part = match.slice(1).flatMap((digits) => (digits ? [Number(digits)] : []))
    const [, month = 1, day = 1] = part
    if (month < 1 || month > 12 || day < 1 || day > 31) return date
    const { raw: _raw, ...rest } = date
    return { ...rest, 'date-parts': [part] }
  })
export type CslDate = z.output<typeof cslDateSchema>

function optionalFields<const K extends readonly string[], S extends z.ZodType>(
  keys: K,
  schema: S,
): { [P in K[number]]: z.ZodOptional<S> } {
  return Object.fromEntries(keys.map((key) => [key, schema.optional()])) as {
    [P in K[number]]: z.ZodOptional<S>
  }
}

const TYPE_HINT =
  'use a CSL 1.0.2 type: article-journal (journal article), book, chapter, report, webpage, thesis, dataset, … (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types)'

const TITLE_HINT = 'a reference needs a title: the title of the work cited'

const itemShape = {
  ...optionalFields(CSL_OTHER_TEXT_VARIABLES, textSchema),
  ...optionalFields(CSL_NAME_VARIABLES, z.array(cslNameSchema)),
  ...optionalFields(CSL_DATE_VARIABLES, cslDateSchema),
  id: z
    .custom<string | number>(isText, {
      error: (issue) =>
        issue.input === undefined
          ? 'a reference needs an "id": its citation key, cited in Markdown as [@key]'
          : `"id" is the citation key, text such as "smith2021", not ${received(issue.input)}`,
    })
    .transform((value) => String(value).trim())
    .pipe(z.string().regex(CITATION_KEY_PATTERN, CITATION_KEY_HINT)),
  type: z.enum(CSL_TYPES, {
    error: (issue) =>
      issue.input === undefined
        ? `a reference needs a "type": ${TYPE_HINT}`
        : `"${String(issue.input)}" is not a CSL item type: ${TYPE_HINT}`,
  }),
  title: z
    .custom<string | number>(isText, {
      error: (issue) =>
        issue.input === undefined
          ? TITLE_HINT
          : `"title" is text, not ${received(issue.input)}: write it as a string`,
    })
    .transform(String)
    .pipe(z.string().trim().min(1, TITLE_HINT)),
  'container-title': storedTextSchema.optional(),
  publisher: storedTextSchema.optional(),
  volume: storedTextSchema.optional(),
  issue: storedTextSchema.optional(),
  page: storedTextSchema.optional(),
  note: storedTextSchema.optional(),
  DOI: identifierSchema(IDENTIFIERS.DOI).optional(),
  PMID: identifierSchema(IDENTIFIERS.PMID).optional(),
  PMCID: identifierSchema(IDENTIFIERS.PMCID).optional(),
  ISBN: identifierSchema(IDENTIFIERS.ISBN).optional(),
  URL: identifierSchema(IDENTIFIERS.URL).optional(),
}

/** One CSL-JSON item, normalized (see the top of this file). */
export const cslItemSchema = z
  .preprocess((value) => identifiersFromNote(dropEmpty(value)), z.looseObject(itemShape))
  .transform((item) => orderCslFields(item))
export type CslItem = z.output<typeof cslItemSchema>

/** The fields in the order they are written: the stored ones first, then the rest by name. */
const LEADING_FIELDS = [
  'id',
  'type',
  'title',
  'author',
  'container-title',
  'publisher',
  'issued',
  'volume',
  'issue',
  'page',
  'DOI',
  'PMID',
  'PMCID',
  'ISBN',
  'URL',
  'note',
] as const

/** The same fields in one fixed order (leading stored fields, then the rest sorted by name). */
export function orderCslFields<T extends Record<string, unknown>>(item: T): T {
  const ordered: Record<string, unknown> = {}
  const leading: readonly string[] = LEADING_FIELDS
  for (const key of leading) if (item[key] !== undefined) ordered[key] = item[key]
  for (const key of Object.keys(item).sort()) {
    if (!leading.includes(key) && item[key] !== undefined) ordered[key] = item[key]
  }
  return ordered as T
}

const NOTE_IDENTIFIER = /^(DOI|PMID|PMCID|ISBN):[ \t]*(\S.*?)\s*$/

/**
 * An item whose `note` lines `PMID: 123`, `PMCID: PMC45`, `DOI: 10.1/x` or `ISBN: …` (how Zotero
 * exports identifiers it has no field for, and how citeproc reads them) are moved to those
 * fields, unless the value is not valid or the item already has a different one there (then
 * the line stays).
 */
function identifiersFromNote(value: unknown): unknown {
  if (!isPlainObject(value) || typeof value.note !== 'string') return value
  const item: Record<string, unknown> = { ...value }
  const kept: string[] = []
  for (const line of value.note.split(/\r?\n/)) {
    const match = NOTE_IDENTIFIER.exec(line)
    const variable = match?.[1] as keyof typeof IDENTIFIERS | undefined
    if (!match || !variable) {
      kept.push(line)
      continue
    }
    const identifier = IDENTIFIERS[variable]
    const found = identifier.normalize(match[2] as string)
    const current = item[variable]
    if (!identifier.isValid(found)) kept.push(line)
    else if (current === undefined) item[variable] = found
    else if (identifier.normalize(String(current)) !== found) kept.push(line)
  }
  const note = kept.join('\n').trim()
  if (note) item.note = note
  else delete item.note
  return item
}

/** A copy without properties that are null, undefined, '', [] or {}, at every depth. */
function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty)
  if (!isPlainObject(value)) return value
  const kept: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    const cleaned = dropEmpty(field)
    if (cleaned === null || cleaned === undefined || cleaned === '') continue
    if (Array.isArray(cleaned) && cleaned.length === 0) continue
    if (isPlainObject(cleaned) && Object.keys(cleaned).length === 0) continue
    kept[key] = cleaned
  }
  return kept
}
