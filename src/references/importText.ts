import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import type { z } from 'zod'

import { CSL_DATE_VARIABLES, CSL_NAME_VARIABLES, cslItemSchema, type CslItem } from './csl'
import { DUPLICATE_LABELS, findDuplicate, type DuplicateReason } from './duplicates'
import { DOI, PMID, PMCID } from './identifiers'
import { isPlainObject } from './json'
import { baseCitationKey, isCitationKey, uniqueCitationKey } from './keys'
import { REFERENCE_FORMAT_LABELS, type ReferenceFormat } from './formats'
import { looksLikeMedline, medlineToCsl, readMedline } from './medline'

/**
 * References from what authors have: a pasted text or a file in BibTeX/BibLaTeX, RIS, PubMed's
 * MEDLINE (.nbib), CSL-JSON, or a list of DOIs and PMIDs, read into CSL items entry by entry.
 * One broken entry never hides the others: each problem names its entry and line.
 */

/** Something wrong with one entry (or with the text, when `entry` is absent), and where. */
export interface ReferenceProblem {
  /** 1-based number of the entry in the text. */
  entry?: number
  /** 1-based line of the text. */
  line: number
  column?: number
  message: string
  ruleId: 'format' | 'syntax' | 'field' | 'identifier' | 'empty' | 'lookup'
}

/** A DOI or PMID to look up. */
export interface LookupIdentifier {
  variable: 'DOI' | 'PMID'
  value: string
}

/** One entry as read, before keys and validation. */
export interface ReadEntry {
  entry: number
  line: number
  /** The key the source gave (a BibTeX entry's key). */
  sourceKey?: string
  /** The entry's fields, as the format's reader gave them. */
  csl?: Record<string, unknown>
  /** For an identifier list: what to look up. */
  lookup?: LookupIdentifier
  problems: ReferenceProblem[]
}

export interface ReadResult {
  format?: ReferenceFormat
  entries: ReadEntry[]
  /** Problems with the text as a whole (no format recognized, nothing in it). */
  problems: ReferenceProblem[]
}

const LINE_BREAK = /\r\n|\r|\n/

/** The format of a text, judged from its first lines, or undefined when none fits. */
export function detectFormat(text: string): ReferenceFormat | undefined {
  const body = text.replace(/^\uFEFF/, '').trim()
  if (!body) return undefined
  if (body.startsWith('[') || body.startsWith('{')) return 'csl-json'
  if (looksLikeMedline(body)) return 'medline'
  const lines = body.split(LINE_BREAK)
  if (lines.some((line) => /^TY\s+-/.test(line))) return 'ris'
  if (lines.some((line) => /^\s*@[A-Za-z]+\s*[{(]/.test(line))) return 'bibtex'
  if (identifierTokens(body).every(({ token }) => identifierOf(token) !== undefined)) {
    return 'identifiers'
  }
  return undefined
}

/**
 * Reads `text` in `format` (detected when not given). Never throws: whatever cannot be read is
 * a problem with a line.
 */
export function readReferenceText(text: string, format?: ReferenceFormat): ReadResult {
  const source = text.replace(/^\uFEFF/, '')
  const chosen = format ?? detectFormat(source)
  if (!source.trim()) {
    return {
      entries: [],
      problems: [{ line: 1, message: 'nothing to import: the text is empty', ruleId: 'empty' }],
    }
  }
  if (!chosen) {
    return {
      entries: [],
      problems: [
        {
          line: 1,
          message:
            'could not tell the format: paste BibTeX (@article{…}), RIS (TY  - JOUR …), PubMed MEDLINE (PMID- …), CSL-JSON ([{…}]) or DOIs/PMIDs, one per line',
          ruleId: 'format',
        },
      ],
    }
  }
  const entries = READERS[chosen](source)
  const problems: ReferenceProblem[] = entries.length
    ? []
    : [
        {
          line: 1,
          message: `no ${REFERENCE_FORMAT_LABELS[chosen]} entries found in the text`,
          ruleId: 'empty',
        },
      ]
  return { format: chosen, entries, problems }
}

const READERS: Record<ReferenceFormat, (text: string) => ReadEntry[]> = {
  bibtex: readBibtex,
  ris: readRis,
  medline: readMedlineEntries,
  'csl-json': readCslJson,
  identifiers: readIdentifiers,
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++
  }
  return line
}

function problem(
  entry: number,
  line: number,
  message: string,
  ruleId: ReferenceProblem['ruleId'],
  column?: number,
): ReferenceProblem {
  return { entry, line, ...(column !== undefined && { column }), message, ruleId }
}

/** What citation-js's readers give, made plain: strings joined, its own bookkeeping dropped. */
function tidy(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const names: readonly string[] = CSL_NAME_VARIABLES
  const dates: readonly string[] = CSL_DATE_VARIABLES
  for (const [key, value] of Object.entries(item)) {
    if (key.startsWith('_') || key === 'citation-key' || key === 'id') continue
    if (dates.includes(key) && isPlainObject(value)) {
      // RIS `PY  - 0000` becomes year 0: no date at all.
      const parts = value['date-parts']
      if (Array.isArray(parts) && parts.some((p) => Array.isArray(p) && Number(p[0]) === 0))
        continue
    }
    if (Array.isArray(value) && !names.includes(key)) {
      out[key] = value.map(String).join(key === 'keyword' ? ', ' : '\n')
    } else out[key] = value
  }
  return out
}

// citation-js reports a grammar error as "… at line 2 col 12:"
const GRAMMAR_PLACE = /at line (\d+) col (\d+)/

function readWithCitationJs(
  text: string,
  type: '@biblatex/text' | '@ris/file',
): { items: Record<string, unknown>[] } | { error: string; line?: number; column?: number } {
  try {
    const items = plugins.input.chain(text, { forceType: type, generateGraph: false }) as unknown
    if (!Array.isArray(items)) return { items: [] }
    return { items: items.filter(isPlainObject) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const place = GRAMMAR_PLACE.exec(message)
    const reason = (message.split('\n')[0] ?? message).replace(/\s*at line \d+ col \d+:?\s*$/, '')
    return place
      ? { error: reason, line: Number(place[1]), column: Number(place[2]) }
      : { error: reason }
  }
}

/**
 * BibTeX/BibLaTeX: the text is cut into entries at each `@` that starts a line outside braces,
 * so that each entry is read on its own. `@string` definitions apply to the entries after them;
 * `@preamble` and `@comment` are skipped.
 */
function readBibtex(text: string): ReadEntry[] {
  const chunks: Array<{ start: number; end: number }> = []
  let depth = 0
  let lineStart = true
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    // An escaped brace (\{, as in {\{}) does not open or close anything.
    if (char === '\\') {
      i++
      lineStart = false
      continue
    }
    if (char === '{') depth++
    else if (char === '}') depth = Math.max(0, depth - 1)
    else if (char === '@' && depth === 0 && lineStart) {
      const last = chunks[chunks.length - 1]
      if (last) last.end = i
      chunks.push({ start: i, end: text.length })
    }
    if (char === '\n' || char === '\r') lineStart = true
    else if (char !== ' ' && char !== '\t') lineStart = false
  }
  const entries: ReadEntry[] = []
  let strings = ''
  for (const { start, end } of chunks) {
    const chunk = text.slice(start, end)
    const kind = /^@\s*([A-Za-z]+)/.exec(chunk)?.[1]?.toLowerCase()
    if (kind === 'comment' || kind === 'preamble') continue
    if (kind === 'string') {
      strings += chunk.trimEnd() + '\n'
      continue
    }
    const entry = entries.length + 1
    const line = lineAt(text, start)
    const read: ReadEntry = { entry, line, problems: [] }
    entries.push(read)
    const key = /^@\s*[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)\s*,/.exec(chunk)?.[1]
    if (key) read.sourceKey = key
    const prefixLines = strings ? strings.split('\n').length - 1 : 0
    const result = readWithCitationJs(strings + chunk, '@biblatex/text')
    if ('error' in result) {
      const at =
        result.line !== undefined ? Math.max(line, line + result.line - 1 - prefixLines) : line
      read.problems.push(
        problem(
          entry,
          at,
          `BibTeX entry ${entry} cannot be read: ${result.error}`,
          'syntax',
          result.column,
        ),
      )
      continue
    }
    const [item] = result.items
    if (!item || !kind) {
      read.problems.push(
        problem(
          entry,
          line,
          `BibTeX entry ${entry} has no fields: write @article{key, title = {…}, …}`,
          'syntax',
        ),
      )
      continue
    }
    read.csl = tidy(item)
  }
  return entries
}

/** RIS: records from `TY  -` to `ER  -`, read one by one. Tags written with one space are fine. */
function readRis(text: string): ReadEntry[] {
  const lines = text.split(LINE_BREAK)
  const entries: ReadEntry[] = []
  let current: { line: number; lines: string[] } | undefined
  const finish = () => {
    if (!current) return
    const entry = entries.length + 1
    const read: ReadEntry = { entry, line: current.line, problems: [] }
    entries.push(read)
    const record =
      current.lines.join('\n') + (current.lines.some((l) => /^ER {2}-/.test(l)) ? '' : '\nER  - ')
    const result = readWithCitationJs(record + '\n', '@ris/file')
    const item = 'items' in result ? result.items[0] : undefined
    if (!item) {
      const reason = 'error' in result ? result.error : 'no fields'
      read.problems.push(
        problem(entry, current.line, `RIS record ${entry} cannot be read: ${reason}`, 'syntax'),
      )
    } else read.csl = tidy(item)
    current = undefined
  }
  lines.forEach((raw, index) => {
    // `TY - JOUR` (one space, as EndNote writes) is read as `TY  - JOUR`.
    const line = raw.replace(/^([A-Z][A-Z0-9])\s+-(?: |$)/, '$1  - ')
    if (/^TY {2}- /.test(line)) {
      finish()
      current = { line: index + 1, lines: [] }
    }
    if (current) {
      current.lines.push(line)
      if (/^ER {2}-/.test(line)) finish()
    }
  })
  finish()
  return entries
}

function readMedlineEntries(text: string): ReadEntry[] {
  const { records, problems } = readMedline(text)
  const entries: ReadEntry[] = records.map((record, index) => ({
    entry: index + 1,
    line: record.line,
    csl: medlineToCsl(record),
    problems: [],
  }))
  for (const lineProblem of problems) {
    // A stray line belongs to the record it is in (the last one starting before it).
    const owner = [...entries].reverse().find((e) => e.line <= lineProblem.line)
    const target = owner ?? entries[0]
    const where = problem(target?.entry ?? 1, lineProblem.line, lineProblem.message, 'syntax')
    if (target) target.problems.push(where)
    else entries.push({ entry: 1, line: lineProblem.line, problems: [where] })
  }
  return entries
}

/** CSL-JSON: an array of items or one item. Each item's line is where its `{` is. */
function readCslJson(text: string): ReadEntry[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    const line = lineAt(text, jsonErrorOffset(text))
    return [
      { entry: 1, line, problems: [problem(1, line, `not valid JSON: ${message}`, 'syntax')] },
    ]
  }
  const items = Array.isArray(data) ? data : [data]
  const starts = Array.isArray(data) ? elementOffsets(text) : [text.indexOf('{')]
  return items.map((value, index) => {
    const entry = index + 1
    const line = lineAt(text, starts[index] ?? 0)
    if (!isPlainObject(value)) {
      return {
        entry,
        line,
        problems: [
          problem(
            entry,
            line,
            `entry ${entry} is not a CSL-JSON object ({"type": …, "title": …})`,
            'syntax',
          ),
        ],
      }
    }
    const { id, ...fields } = value
    return {
      entry,
      line,
      ...(typeof id === 'string' && { sourceKey: id }),
      csl: fields,
      problems: [],
    }
  })
}

/**
 * Where JSON.parse stopped: V8 does not always say ("Unexpected token '}', …"), so the text
 * is scanned by the JSON grammar up to its first error.
 */
function jsonErrorOffset(text: string): number {
  let i = 0
  const space = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++
  }
  const fail = (): never => {
    throw i
  }
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length
    else fail()
  }
  const string = () => {
    if (text[i] !== '"') fail()
    i++
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++
      else if ((text[i] as string) < ' ') fail()
      i++
    }
    if (i >= text.length) fail()
    i++
  }
  const value = (): void => {
    space()
    const char = text[i]
    if (char === '{') {
      i++
      space()
      if (text[i] === '}') return void i++
      for (;;) {
        space()
        string()
        space()
        if (text[i] !== ':') fail()
        i++
        value()
        space()
        if (text[i] === ',') i++
        else if (text[i] === '}') return void i++
        else fail()
      }
    }
    if (char === '[') {
      i++
      space()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        space()
        if (text[i] === ',') i++
        else if (text[i] === ']') return void i++
        else fail()
      }
    }
    if (char === '"') return string()
    if (char === 't') return literal('true')
    if (char === 'f') return literal('false')
    if (char === 'n') return literal('null')
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i))
    if (!number) fail()
    i += (number as RegExpExecArray)[0].length
  }
  try {
    value()
    space()
    return i
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0
  }
}

/** The offsets where the elements of a top-level JSON array begin (the text parses). */
function elementOffsets(text: string): number[] {
  const offsets: number[] = []
  let depth = 0
  let inString = false
  let expecting = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
      continue
    }
    if (/\s/.test(char)) continue
    if (depth === 1 && expecting && char !== ']') {
      offsets.push(i)
      expecting = false
    }
    if (char === '"') inString = true
    else if (char === '[' || char === '{') {
      depth++
      if (depth === 1) expecting = true
    } else if (char === ']' || char === '}') depth--
    else if (char === ',' && depth === 1) expecting = true
  }
  return offsets
}

function identifierTokens(text: string): Array<{ token: string; line: number }> {
  return text.split(LINE_BREAK).flatMap((content, index) =>
    content
      // `PMID: 123` and `doi: 10.1/x` are one token each.
      .replace(/\b(pmid|doi|pmcid):\s+/gi, '$1:')
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((token) => ({ token, line: index + 1 })),
  )
}

function identifierOf(token: string): LookupIdentifier | undefined {
  const doi = DOI.normalize(token.replace(/[.)]+$/, ''))
  if (DOI.isValid(doi)) return { variable: 'DOI', value: doi }
  const pmid = PMID.normalize(token)
  if (PMID.isValid(pmid)) return { variable: 'PMID', value: pmid }
  return undefined
}

function readIdentifiers(text: string): ReadEntry[] {
  return identifierTokens(text).map(({ token, line }, index) => {
    const entry = index + 1
    const lookup = identifierOf(token)
    if (lookup) return { entry, line, lookup, problems: [] }
    const pmcid = PMCID.isValid(PMCID.normalize(token))
    return {
      entry,
      line,
      problems: [
        problem(
          entry,
          line,
          pmcid
            ? `"${token}" is a PMCID: look it up by its PMID or DOI instead`
            : `"${token}" is not a DOI (10.1234/abc) or a PMID (1 to 8 digits)`,
          'identifier',
        ),
      ],
    }
  })
}

/** One entry ready to be saved (or not): its key, its validated item, its problems. */
export interface PreparedEntry {
  entry: number
  line: number
  key: string
  /** Where the key came from: the source (a BibTeX key) or made here. */
  keySource: 'source' | 'generated'
  /** The item, with `id` = key; absent when the entry has problems or awaits a look-up. */
  item?: CslItem
  lookup?: LookupIdentifier
  problems: ReferenceProblem[]
  /** The reference (an earlier entry, or one already stored) that this one duplicates. */
  duplicate?: { key: string; reason: DuplicateReason; existing: boolean; entry?: number }
}

export interface PrepareOptions {
  /** Keys already used (stored references, other files): generated keys avoid them. */
  taken?: Iterable<string>
  /** References already stored, to find duplicates among. */
  existing?: Iterable<{ key: string; item: CslItem }>
  /** Keep the source's keys (BibTeX) when valid; otherwise every key is generated. */
  keepSourceKeys?: boolean
}

/**
 * Keys, validation and duplicates for what was read. A source key is kept when
 * `keepSourceKeys`, valid and free; every other entry gets `firstauthorYEARword`, unique within
 * the batch and against `taken`. An entry that is the same work (`sameWork`) as an earlier
 * entry or an existing reference says which.
 */
export function prepareEntries(
  read: readonly ReadEntry[],
  options: PrepareOptions = {},
): PreparedEntry[] {
  const taken = new Set(options.taken ?? [])
  const existing = [...(options.existing ?? [])]
  const prepared: PreparedEntry[] = []
  const earlier: Array<{ key: string; entry: number; item: CslItem }> = []
  for (const entry of read) {
    const problems = [...entry.problems]
    let item: CslItem | undefined
    if (entry.csl && problems.length === 0) {
      const parsed = cslItemSchema.safeParse({ ...entry.csl, id: '_' })
      if (parsed.success) item = parsed.data
      else problems.push(...fieldProblems(entry, parsed.error))
    }
    const source = options.keepSourceKeys ? entry.sourceKey : undefined
    const keepSource = source !== undefined && isCitationKey(source) && !taken.has(source)
    const fields = item ?? (entry.csl as Parameters<typeof baseCitationKey>[0] | undefined) ?? {}
    const key = keepSource
      ? source
      : uniqueCitationKey(
          entry.lookup && !item
            ? `${entry.lookup.variable.toLowerCase()}${entry.lookup.value.replace(/[^A-Za-z0-9]+/g, '')}`
            : baseCitationKey(fields),
          taken,
        )
    taken.add(key)
    const result: PreparedEntry = {
      entry: entry.entry,
      line: entry.line,
      key,
      keySource: keepSource ? 'source' : 'generated',
      problems,
      ...(entry.lookup && { lookup: entry.lookup }),
    }
    if (item) {
      result.item = { ...item, id: key }
      const before = findDuplicate(item, earlier)
      const stored = before ? undefined : findDuplicate(item, existing)
      if (before) {
        result.duplicate = {
          key: before.of.key,
          reason: before.reason,
          existing: false,
          entry: before.of.entry,
        }
      } else if (stored) {
        result.duplicate = { key: stored.of.key, reason: stored.reason, existing: true }
      }
      earlier.push({ key, entry: entry.entry, item })
    }
    prepared.push(result)
  }
  return prepared
}

function fieldProblems(entry: ReadEntry, error: z.ZodError): ReferenceProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    return problem(
      entry.entry,
      entry.line,
      `entry ${entry.entry}: ${path ? `"${path}": ` : ''}${issue.message}`,
      'field',
    )
  })
}

/** Why a chosen reference cannot be saved: a code the UI can act on, and the reason. */
export interface SelectionProblem {
  /** 0-based position in the selection. */
  index: number
  key: string
  code: 'invalid_reference' | 'key_repeated' | 'key_taken' | 'duplicate'
  message: string
}

/**
 * The rule for saving chosen references (all or nothing): each is a valid CSL item under its
 * (possibly edited) key; keys are unique in the selection and not already used; none is the
 * same work (`sameWork`) as a stored reference or as another chosen one. The items, with the
 * keys as ids, or every problem.
 */
export function checkSelection(
  chosen: ReadonlyArray<{ key: string; csl: unknown }>,
  {
    takenKeys,
    existing,
  }: { takenKeys: ReadonlySet<string>; existing: Iterable<{ key: string; item: CslItem }> },
): { ok: true; items: CslItem[] } | { ok: false; problems: SelectionProblem[] } {
  const problems: SelectionProblem[] = []
  const items: CslItem[] = []
  const stored = [...existing]
  const keys = new Map<string, number>()
  const earlier: Array<{ key: string; item: CslItem }> = []
  chosen.forEach(({ key, csl }, index): void => {
    const fail = (code: SelectionProblem['code'], message: string): void => {
      problems.push({ index, key, code, message })
    }
    const parsed = cslItemSchema.safeParse(isPlainObject(csl) ? { ...csl, id: key } : csl)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = issue?.path.map(String).join('.')
      return fail(
        'invalid_reference',
        `${path ? `"${path}": ` : ''}${issue?.message ?? 'not a reference'}`,
      )
    }
    const item = parsed.data
    const first = keys.get(item.id)
    if (first !== undefined) {
      return fail(
        'key_repeated',
        `the key "${item.id}" is also given to entry ${first + 1}: keys must differ`,
      )
    }
    keys.set(item.id, index)
    if (takenKeys.has(item.id)) {
      return fail(
        'key_taken',
        `the key "${item.id}" is already used by a stored reference: choose another`,
      )
    }
    const duplicate = findDuplicate(item, stored) ?? findDuplicate(item, earlier)
    if (duplicate) {
      const where = stored.includes(duplicate.of as { key: string; item: CslItem })
        ? `the stored reference "${duplicate.of.key}": cite [@${duplicate.of.key}] instead`
        : `"${duplicate.of.key}", also chosen: keep one`
      return fail('duplicate', `the same work (${DUPLICATE_LABELS[duplicate.reason]}) as ${where}`)
    }
    earlier.push({ key: item.id, item })
    items.push(item)
  })
  return problems.length ? { ok: false, problems } : { ok: true, items }
}
