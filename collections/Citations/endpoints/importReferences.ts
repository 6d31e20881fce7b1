import type { Endpoint, PayloadRequest, Where } from 'payload'
import { z } from 'zod'

import type { Citation } from '../../../payload-types'
import { citationData } from '../../../src/content/citationData'
import { lookUpEntries } from '../../../src/content/lookupReferences'
import { renderOptions } from '../../../src/content/renderOptions'
import { runInTransaction } from '../../../src/config/transactions'
import { sanitizeReferenceEntry, toHtml } from '../../../src/markdown'
import {
  checkSelection,
  CITATION_STYLES,
  type CitationStyle,
  createReferenceFormatter,
  type CslItem,
  DEFAULT_CITATION_STYLE,
  DUPLICATE_LABELS,
  fromStored,
  normalizedTitle,
  prepareEntries,
  readReferenceText,
  REFERENCE_FORMAT_LABELS,
  REFERENCE_FORMATS,
  type ReferenceFormatter,
} from '../../../src/references'
import { readBody, refusal } from '../../Articles/endpoints/respond'

/** How much one import may hold: a paste or file of a few hundred references. */
// 20 look-ups, 4 at a time, 5 s each at worst: a preview answers within half a minute.
export const IMPORT_LIMITS = { textChars: 2_000_000, entries: 500, lookups: 20 } as const

export const importPreviewSchema = z.strictObject({
  text: z.string().max(IMPORT_LIMITS.textChars),
  format: z.enum(REFERENCE_FORMATS).optional(),
})

export const importSaveSchema = z.strictObject({
  references: z
    .array(z.strictObject({ key: z.string().max(200), csl: z.record(z.string(), z.unknown()) }))
    .min(1)
    .max(IMPORT_LIMITS.entries),
})

/** One entry of a preview, as the admin shows it. */
export interface ImportPreviewEntry {
  entry: number
  line: number
  key: string
  keySource: 'source' | 'generated'
  /** The entry in the site's citation style, sanitized HTML. */
  html?: string
  /** The reference to save (CSL-JSON without its key); absent when it cannot be saved. */
  csl?: Record<string, unknown>
  lookup?: { variable: 'DOI' | 'PMID'; value: string }
  problems: Array<{ line: number; message: string }>
  duplicate?: { key: string; reason: string; label: string; existing: boolean; entry?: number }
}

export interface ImportPreview {
  format?: string
  formatLabel?: string
  style: CitationStyle
  styleLabel: string
  entries: ImportPreviewEntry[]
  problems: Array<{ line: number; message: string }>
}

const formatters = new Map<
  CitationStyle,
  ReferenceFormatter<ReturnType<typeof sanitizeReferenceEntry>>
>()
const formatterFor = (style: CitationStyle) => {
  let formatter = formatters.get(style)
  if (!formatter) {
    formatter = createReferenceFormatter(style, { entry: sanitizeReferenceEntry })
    formatters.set(style, formatter)
  }
  return formatter
}

/** Whether the signed-in person may create citations: the collection's own rule, not a copy. */
async function mayCreate(req: PayloadRequest): Promise<boolean> {
  const access = req.payload.collections.citations.config.access.create
  return Boolean(await access({ req }))
}

async function guard(req: PayloadRequest): Promise<Response | undefined> {
  if (!req.user) return refusal(401, 'Sign in to import references', { code: 'unauthorized' })
  if (!(await mayCreate(req))) {
    return refusal(403, 'You may not add references', { code: 'forbidden' })
  }
  return undefined
}

/**
 * The stored references an import could clash with, found without reading them all: those
 * whose key is one of `keys` (or starts one: `smith2020a` for `smith2020a…`), whose DOI or PMID
 * is one of those given, or whose title has the words of one of `titles`.
 */
async function storedCandidates(
  req: PayloadRequest,
  { keys, items }: { keys: string[]; items: Array<Pick<CslItem, 'DOI' | 'PMID' | 'title'>> },
): Promise<Array<{ key: string; item: CslItem }>> {
  const or: Where[] = []
  if (keys.length) or.push({ key: { in: keys } }, ...keys.map((key) => ({ key: { like: key } })))
  const dois = items.flatMap((i) => (i.DOI ? [i.DOI] : []))
  const pmids = items.flatMap((i) => (i.PMID ? [i.PMID] : []))
  if (dois.length) or.push({ doi: { in: dois } })
  if (pmids.length) or.push({ pmid: { in: pmids } })
  for (const item of items) {
    const title = normalizedTitle(item.title)
    if (title) or.push({ title: { like: title } })
  }
  if (!or.length) return []
  const found: Citation[] = []
  // Chunks keep each query's bound variables well under SQLite's limit.
  for (let start = 0; start < or.length; start += 200) {
    const page = await req.payload.find({
      collection: 'citations',
      where: { or: or.slice(start, start + 200) },
      depth: 0,
      pagination: false,
      overrideAccess: false,
      user: req.user,
      req,
    })
    found.push(...page.docs)
  }
  const byKey = new Map(found.map((doc) => [doc.key, doc]))
  return [...byKey.values()].map((doc) => ({ key: doc.key, item: fromStored(doc) }))
}

/**
 * `POST /api/citations/import` with `{ text, format? }`: what importing the pasted or uploaded
 * text would add, without saving anything. Each entry has its key (BibTeX's, or generated
 * `firstauthorYEARword`, unique against stored keys), its rendering in the site's citation
 * style, its problems with their lines, and the reference it duplicates (`sameWork`), if any.
 * DOIs and PMIDs are looked up (doi.org, PubMed) within a few seconds each; one that cannot be
 * is a problem, never a half-filled entry. Access: whoever may create citations.
 */
export const importPreviewEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const refused = await guard(req)
    if (refused) return refused
    const body = await readBody(req, importPreviewSchema, '{ "text": "@article{…}" }')
    if (!body.ok) return body.response
    const read = readReferenceText(body.data.text, body.data.format)
    if (read.entries.length > IMPORT_LIMITS.entries) {
      return refusal(
        413,
        `Import at most ${IMPORT_LIMITS.entries} references at a time (this has ${read.entries.length}).`,
        { code: 'too_many' },
      )
    }
    const lookups = read.entries.filter((e) => e.lookup).length
    if (lookups > IMPORT_LIMITS.lookups) {
      return refusal(
        413,
        `Look up at most ${IMPORT_LIMITS.lookups} DOIs or PMIDs at a time (this has ${lookups}).`,
        { code: 'too_many' },
      )
    }
    await lookUpEntries(read.entries)
    const draft = prepareEntries(read.entries, { keepSourceKeys: true })
    const stored = await storedCandidates(req, {
      keys: draft.map((e) => e.key),
      items: draft.flatMap((e) => (e.item ? [e.item] : [])),
    })
    const entries = prepareEntries(read.entries, {
      keepSourceKeys: true,
      taken: stored.map((s) => s.key),
      existing: stored,
    })
    const style = (await renderOptions(req)).citationStyle ?? DEFAULT_CITATION_STYLE
    const formatted = formatterFor(style).format(entries.flatMap((e) => (e.item ? [e.item] : [])))
    let next = 0
    const preview: ImportPreview = {
      ...(read.format && {
        format: read.format,
        formatLabel: REFERENCE_FORMAT_LABELS[read.format],
      }),
      style,
      styleLabel: CITATION_STYLES.find((s) => s.id === style)?.label ?? style,
      problems: read.problems.map(({ line, message }) => ({ line, message })),
      entries: entries.map((entry): ImportPreviewEntry => {
        const root = entry.item ? formatted[next++] : undefined
        const { id: _id, ...csl } = entry.item ?? { id: '' }
        return {
          entry: entry.entry,
          line: entry.line,
          key: entry.key,
          keySource: entry.keySource,
          ...(root && { html: toHtml(root) }),
          ...(entry.item && { csl }),
          ...(entry.lookup && { lookup: entry.lookup }),
          problems: entry.problems.map(({ line, message }) => ({ line, message })),
          ...(entry.duplicate && {
            duplicate: { ...entry.duplicate, label: DUPLICATE_LABELS[entry.duplicate.reason] },
          }),
        }
      }),
    }
    return Response.json(preview)
  },
}

/**
 * `POST /api/citations/import/save` with `{ references: [{ key, csl }] }`: saves the chosen
 * entries of a preview under their (possibly edited) keys, all or nothing, as the signed-in
 * person (the collection's access and validation apply). Refused with `code: import_problems`
 * and each problem (`checkSelection`: invalid, key repeated or taken, a duplicate) by index.
 */
export const importSaveEndpoint: Endpoint = {
  path: '/import/save',
  method: 'post',
  handler: async (req) => {
    const refused = await guard(req)
    if (refused) return refused
    const body = await readBody(
      req,
      importSaveSchema,
      '{ "references": [{ "key": "…", "csl": {…} }] }',
    )
    if (!body.ok) return body.response
    const chosen = body.data.references.map((r) => ({ key: r.key.trim(), csl: r.csl }))
    const stored = await storedCandidates(req, {
      keys: chosen.map((c) => c.key),
      items: chosen.map((c) => c.csl as Pick<CslItem, 'DOI' | 'PMID' | 'title'>),
    })
    const keys = new Set(chosen.map((c) => c.key))
    const checked = checkSelection(chosen, {
      takenKeys: new Set(stored.map((s) => s.key).filter((key) => keys.has(key))),
      existing: stored,
    })
    if (!checked.ok) {
      return refusal(
        409,
        `${checked.problems.length} of the chosen references cannot be saved; nothing was saved.`,
        {
          code: 'import_problems',
          problems: checked.problems,
        },
      )
    }
    let current = ''
    try {
      const created = await runInTransaction(req, async () => {
        const ids: Array<{ id: Citation['id']; key: string }> = []
        for (const item of checked.items) {
          current = item.id
          const doc = await req.payload.create({
            collection: 'citations',
            data: citationData(item),
            depth: 0,
            overrideAccess: false,
            user: req.user,
            req,
          })
          ids.push({ id: doc.id, key: doc.key })
        }
        return ids
      })
      return Response.json({ created }, { status: 201 })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return refusal(400, `"${current}" could not be saved (${message}); nothing was saved.`, {
        code: 'import_failed',
        key: current,
      })
    }
  },
}
