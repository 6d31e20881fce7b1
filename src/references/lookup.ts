import { CSL_DATE_VARIABLES, CSL_NAME_VARIABLES, CSL_OTHER_TEXT_VARIABLES, CSL_TYPES } from './csl'
import type { LookupIdentifier } from './importText'
import { isPlainObject } from './json'
import { COLUMN_VARIABLES } from './stored'
import { medlineToCsl, readMedline } from './medline'

/**
 * Looking up a DOI or PMID, without the network: what to ask (`lookupRequest`) and what the
 * answer means (`readLookupResponse`). The caller does the fetching, with `LOOKUP_TIMEOUT_MS`,
 * and says `unreachable(…)` when it cannot.
 *
 * - A DOI is asked of https://doi.org/ by content negotiation for CSL-JSON (doi.org hands a
 *   Crossref or DataCite DOI to its registry, which answers).
 * - A PMID is asked of NCBI's citation exporter in MEDLINE format, read by the same reader as a
 *   pasted .nbib, so a looked-up PMID and an exported one give the same reference.
 */

/** How long a look-up may take before it counts as unreachable. */
export const LOOKUP_TIMEOUT_MS = 5000

export interface LookupRequest {
  url: string
  headers: Record<string, string>
  /** Who is asked, for messages: "doi.org", "PubMed". */
  service: string
}

export function lookupRequest(id: LookupIdentifier): LookupRequest {
  if (id.variable === 'DOI') {
    return {
      url: 'https://doi.org/' + id.value.split('/').map(encodeURIComponent).join('/'),
      headers: { Accept: 'application/vnd.citationstyles.csl+json' },
      service: 'doi.org',
    }
  }
  return {
    url: `https://api.ncbi.nlm.nih.gov/lit/ctxp/v1/pubmed/?format=medline&id=${encodeURIComponent(id.value)}`,
    headers: { Accept: 'text/plain' },
    service: 'PubMed',
  }
}

export type LookupResult =
  { ok: true; csl: Record<string, unknown> } | { ok: false; message: string }

/** The message when the service could not be reached in time (or at all). */
export function unreachable(id: LookupIdentifier, timedOut: boolean): string {
  const { service } = lookupRequest(id)
  return timedOut
    ? `Could not reach ${service} within ${LOOKUP_TIMEOUT_MS / 1000} s to look up ${id.variable} ${id.value}: nothing was filled in. Paste the reference itself (BibTeX, RIS or MEDLINE) instead.`
    : `Could not reach ${service} to look up ${id.variable} ${id.value} (no network): nothing was filled in. Paste the reference itself (BibTeX, RIS or MEDLINE) instead.`
}

/** What a service's answer (status and body) says about `id`. */
export function readLookupResponse(
  id: LookupIdentifier,
  status: number,
  body: string,
): LookupResult {
  const { service } = lookupRequest(id)
  if (status === 404) {
    return {
      ok: false,
      message: `${service} has no record of ${id.variable} ${id.value}: check it for typos`,
    }
  }
  if (status < 200 || status >= 300) {
    return {
      ok: false,
      message: `${service} answered ${status} for ${id.variable} ${id.value}: nothing was filled in; try again later`,
    }
  }
  if (id.variable === 'PMID') {
    const record = readMedline(body).records.find((r) =>
      r.fields.some((f) => f.tag === 'PMID' && f.value === id.value),
    )
    if (!record) {
      return { ok: false, message: `PubMed has no record of PMID ${id.value}: check it for typos` }
    }
    return { ok: true, csl: medlineToCsl(record) }
  }
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    return {
      ok: false,
      message: `doi.org did not answer with CSL-JSON for DOI ${id.value}: nothing was filled in`,
    }
  }
  if (!isPlainObject(data)) {
    return {
      ok: false,
      message: `doi.org did not answer with CSL-JSON for DOI ${id.value}: nothing was filled in`,
    }
  }
  return { ok: true, csl: fromRegistryCsl(data) }
}

/** Crossref's work types (which its CSL-JSON uses as `type`) as CSL types. */
const CROSSREF_TYPES: Record<string, string> = {
  'journal-article': 'article-journal',
  'book-chapter': 'chapter',
  'book-section': 'chapter',
  'book-part': 'chapter',
  'proceedings-article': 'paper-conference',
  'posted-content': 'article',
  monograph: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  'book-set': 'book',
  'book-series': 'book',
  'reference-entry': 'entry',
  dissertation: 'thesis',
  'report-component': 'report',
  'report-series': 'report',
  component: 'article',
  'peer-review': 'review',
  standard: 'standard',
  dataset: 'dataset',
  grant: 'document',
  other: 'document',
}

/** Every standard CSL variable (a look-up's own `id` is not a citation key: it is dropped). */
const KEPT = new Set<string>([
  ...CSL_NAME_VARIABLES,
  ...CSL_DATE_VARIABLES,
  ...CSL_OTHER_TEXT_VARIABLES,
  ...COLUMN_VARIABLES.filter((variable) => variable !== 'id'),
])
const NAME_PARTS = [
  'family',
  'given',
  'literal',
  'suffix',
  'dropping-particle',
  'non-dropping-particle',
]

/**
 * A registry's CSL-JSON reduced to CSL 1.0.2: Crossref's types mapped, lists of one title
 * made text, its bookkeeping (indexed, reference list, links, licences, scores, affiliations)
 * left out, so what is stored is the reference and not Crossref's record of it.
 */
export function fromRegistryCsl(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const names: readonly string[] = CSL_NAME_VARIABLES
  const types: readonly string[] = CSL_TYPES
  for (const [key, value] of Object.entries(data)) {
    if (!KEPT.has(key)) continue
    if (key === 'type' && typeof value === 'string') {
      out.type = types.includes(value) ? value : (CROSSREF_TYPES[value] ?? 'document')
    } else if (names.includes(key) && Array.isArray(value)) {
      out[key] = value.filter(isPlainObject).map((name) => {
        const kept: Record<string, unknown> = {}
        for (const part of NAME_PARTS) if (typeof name[part] === 'string') kept[part] = name[part]
        // Crossref writes organisations as {"name": …}.
        if (typeof name.name === 'string' && kept.family === undefined) kept.literal = name.name
        return kept
      })
    } else if (
      Array.isArray(value) &&
      value.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      if (value.length) out[key] = String(value[0])
    } else out[key] = value
  }
  return out
}
