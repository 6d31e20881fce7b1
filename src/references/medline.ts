/**
 * PubMed's MEDLINE format (what PubMed's "Save: PubMed format" writes, the `.nbib` files of
 * reference managers, and NCBI's citation exporter with `format=medline`), read into CSL-JSON.
 *
 * A record is a run of tagged lines, `TAG - value` with the tag padded to four characters
 * (`PMID- 1`, `TI  - Title`), a value continued on lines indented by six spaces; records are
 * separated by blank lines. Tags: https://pubmed.ncbi.nlm.nih.gov/help/#pubmed-format
 */

/** One record: its fields in order, and the line each starts on (1-based). */
export interface MedlineRecord {
  line: number
  fields: Array<{ tag: string; value: string; line: number }>
}

/** A line that is neither a tag, a continuation nor blank. */
export interface MedlineLineProblem {
  line: number
  message: string
}

const TAG_LINE = /^([A-Z][A-Z0-9]{0,3}) *- ?(.*)$/
const CONTINUATION = /^ {2,}(\S.*)$/

/** The records of a MEDLINE text, and the lines that could not be read. Never throws. */
export function readMedline(text: string): {
  records: MedlineRecord[]
  problems: MedlineLineProblem[]
} {
  const records: MedlineRecord[] = []
  const problems: MedlineLineProblem[] = []
  let record: MedlineRecord | undefined
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((raw, index) => {
    const line = index + 1
    const text = raw.replace(/\s+$/, '')
    if (text === '') {
      record = undefined
      return
    }
    const tagged = TAG_LINE.exec(text)
    if (tagged) {
      const [, tag = '', value = ''] = tagged
      // A new PMID starts a record even without a blank line before it.
      if (!record || tag === 'PMID') {
        record = { line, fields: [] }
        records.push(record)
      }
      record.fields.push({ tag, value: value.trim(), line })
      return
    }
    const continued = CONTINUATION.exec(text)
    const last = record?.fields[record.fields.length - 1]
    if (continued && last) {
      last.value = `${last.value} ${continued[1]}`.trim()
      return
    }
    problems.push({
      line,
      message: `not a MEDLINE line: each line is "TAG - value" (e.g. "TI  - The title") or a continuation indented by six spaces`,
    })
  })
  return { records, problems }
}

/** Whether a text looks like MEDLINE: its first tagged line is `PMID-` or `OWN -`. */
export function looksLikeMedline(text: string): boolean {
  const first = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '')
  return first !== undefined && /^(PMID|OWN) *- /.test(first.trimStart())
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const SEASONS: Record<string, number> = { spring: 1, summer: 2, fall: 3, autumn: 3, winter: 4 }

/**
 * A MEDLINE date (`DP`): `1996 Jul 9`, `2015 May`, `2021`, `2000 Jan-Feb` (the first month is
 * kept), `2001 Spring` (a season). Undefined when there is no year.
 */
export function medlineDate(value: string): Record<string, unknown> | undefined {
  const match = /^(\d{4})(?:\s+([A-Za-z]+)(?:[-/][A-Za-z]+)?(?:\s+(\d{1,2}))?)?/.exec(value.trim())
  if (!match) return value.trim() ? { literal: value.trim() } : undefined
  const year = Number(match[1])
  const word = match[2]?.toLowerCase()
  const month = word ? MONTHS.indexOf(word.slice(0, 3)) + 1 : 0
  if (word && month === 0 && SEASONS[word]) {
    return { 'date-parts': [[year]], season: SEASONS[word] }
  }
  const parts = [year]
  if (month > 0) {
    parts.push(month)
    if (match[3]) parts.push(Number(match[3]))
  }
  return { 'date-parts': [parts] }
}

/** `Family, Given` (FAU, FED) or `Family GI` (AU, ED) as a CSL name. */
function medlineName(value: string, full: boolean): Record<string, string> | undefined {
  const name = value.trim()
  if (!name || /^et al\.?$/i.test(name)) return undefined
  if (full) {
    const comma = name.indexOf(',')
    if (comma < 0) return { family: name }
    const given = name.slice(comma + 1).trim()
    return given ? { family: name.slice(0, comma).trim(), given } : { family: name.slice(0, comma) }
  }
  const space = name.lastIndexOf(' ')
  return space < 0
    ? { family: name }
    : { family: name.slice(0, space), given: name.slice(space + 1) }
}

/** An identifier from `LID`/`AID` values such as `10.1/x [doi]`. */
function taggedId(values: string[], kind: string): string | undefined {
  for (const value of values) {
    const match = /^(.*?)\s*\[([a-z]+)\]$/.exec(value)
    if (match && match[2] === kind && match[1]) return match[1]
  }
  return undefined
}

/**
 * A record as CSL-JSON (no `id`: the caller gives the key). Journal articles become
 * `article-journal`, `PT - Book` a `book` and `PT - Book Chapter` a `chapter`. A title's final
 * period, which PubMed adds to every title, is dropped: citation styles add their own.
 */
export function medlineToCsl(record: MedlineRecord): Record<string, unknown> {
  const all = (tag: string) => record.fields.filter((f) => f.tag === tag).map((f) => f.value)
  const first = (tag: string) => all(tag)[0]
  const names = (fullTag: string, shortTag: string) => {
    const full = all(fullTag)
    const list = (full.length ? full : all(shortTag))
      .map((value) => medlineName(value, full.length > 0))
      .filter((name) => name !== undefined)
    return list.length ? list : undefined
  }
  const types = all('PT').map((t) => t.toLowerCase())
  const type = types.includes('book chapter')
    ? 'chapter'
    : types.includes('book')
      ? 'book'
      : 'article-journal'
  const corporate = all('CN').map((literal) => ({ literal }))
  const authors = [...(names('FAU', 'AU') ?? []), ...corporate]
  const ids = [...all('LID'), ...all('AID')]
  const title = (first('TI') ?? (type === 'book' ? first('BTI') : undefined))?.replace(
    /(?<!\.)\.$/,
    '',
  )
  const issn = first('IS')?.replace(/\s*\(.*\)$/, '')
  const item: Record<string, unknown> = {
    type,
    title,
    author: authors.length ? authors : undefined,
    editor: names('FED', 'ED'),
    'container-title': type === 'chapter' ? first('BTI') : first('JT'),
    'container-title-short': type === 'article-journal' ? first('TA') : undefined,
    publisher: first('PB'),
    'publisher-place': first('PL'),
    issued: medlineDate(first('DP') ?? ''),
    volume: first('VI'),
    issue: first('IP'),
    page: first('PG'),
    DOI: taggedId(ids, 'doi'),
    PMID: first('PMID'),
    PMCID: first('PMC'),
    ISBN: first('ISBN'),
    ISSN: issn,
    language: first('LA'),
    abstract: first('AB'),
    edition: first('EN'),
  }
  for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key]
  return item
}
