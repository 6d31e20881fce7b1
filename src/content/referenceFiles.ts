import {
  type CslItem,
  DUPLICATE_LABELS,
  formatOfFileName,
  prepareEntries,
  readReferenceText,
  type ReferenceFormat,
} from '../references'
import type { ImportProblem } from './problems'

/**
 * The reference files a content folder may hold beside (or instead of) `references.json`, read
 * in this order: BibTeX keeps its keys, RIS and MEDLINE get generated `firstauthorYEARword` keys.
 */
export const REFERENCE_FILES = ['references.bib', 'references.ris', 'references.nbib'] as const

/** Where a reference came from, for messages and for the generated keys a run prints. */
export interface ReferenceOrigin {
  file: string
  line: number
  format: ReferenceFormat | 'csl-json'
  generated: boolean
}

export interface ReferenceFileResult {
  items: CslItem[]
  origins: Map<string, ReferenceOrigin>
  problems: ImportProblem[]
}

/**
 * Reads the reference files given (name -> text, `file` as it is to be printed), after the
 * items of references.json: keys unique across all of them, and a reference that is the same
 * work (`sameWork`) as one before it, in any file, is a problem saying where the other is.
 */
export function readReferenceFiles(
  json: { file: string; items: readonly CslItem[] },
  files: ReadonlyArray<{ name: (typeof REFERENCE_FILES)[number]; file: string; text: string }>,
): ReferenceFileResult {
  const problems: ImportProblem[] = []
  const origins = new Map<string, ReferenceOrigin>()
  json.items.forEach((item) => {
    origins.set(item.id, { file: json.file, line: 0, format: 'csl-json', generated: false })
  })
  const known: Array<{ key: string; item: CslItem }> = json.items.map((item) => ({
    key: item.id,
    item,
  }))
  const items: CslItem[] = []
  for (const { name, file, text } of files) {
    const format = formatOfFileName(name) as ReferenceFormat
    const read = readReferenceText(text, format)
    problems.push(...read.problems.map((p) => ({ file, line: p.line, message: p.message })))
    if (format === 'bibtex') {
      for (const entry of read.entries) {
        const other = entry.sourceKey ? origins.get(entry.sourceKey) : undefined
        if (entry.sourceKey && other) {
          entry.problems.push({
            entry: entry.entry,
            line: entry.line,
            message: `citation key "${entry.sourceKey}" is also used in ${where(other)}: give one of them another key`,
            ruleId: 'field',
          })
        }
      }
    }
    const prepared = prepareEntries(read.entries, {
      keepSourceKeys: format === 'bibtex',
      taken: origins.keys(),
      existing: known,
    })
    for (const entry of prepared) {
      for (const p of entry.problems) {
        problems.push({
          file,
          line: p.line,
          ...(p.column && { column: p.column }),
          message: p.message,
        })
      }
      if (!entry.item) continue
      if (entry.duplicate) {
        const other = origins.get(entry.duplicate.key)
        problems.push({
          file,
          line: entry.line,
          message: `the same work as "${entry.duplicate.key}" (${DUPLICATE_LABELS[entry.duplicate.reason]}) in ${other ? where(other) : file}: keep one of them`,
        })
        continue
      }
      origins.set(entry.key, {
        file,
        line: entry.line,
        format,
        generated: entry.keySource === 'generated',
      })
      known.push({ key: entry.key, item: entry.item })
      items.push(entry.item)
    }
  }
  return { items, origins, problems }
}

function where(origin: ReferenceOrigin): string {
  return origin.line ? `${origin.file}:${origin.line}` : origin.file
}
