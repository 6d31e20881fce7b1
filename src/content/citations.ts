import type { Citation } from '../../payload-types'
import type { CslItem, CslName, CslType } from './csl'

/** The citation fields that hold reference data (what the approval hash covers). */
export type CitationData = Pick<
  Citation,
  | 'key'
  | 'type'
  | 'title'
  | 'authors'
  | 'containerTitle'
  | 'publisher'
  | 'issued'
  | 'volume'
  | 'issue'
  | 'page'
  | 'doi'
  | 'pmid'
  | 'url'
  | 'note'
>

const present = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined && value !== ''

/** A stored citation as CSL-JSON (`id` = its key), leaving out empty fields. */
export function citationToCsl(doc: CitationData): CslItem {
  const item: CslItem = { id: doc.key, type: doc.type as CslType, title: doc.title }
  const authors = (doc.authors ?? [])
    .map((a) => {
      const name: CslName = {}
      if (present(a.family)) name.family = a.family
      if (present(a.given)) name.given = a.given
      if (present(a.literal)) name.literal = a.literal
      return name
    })
    .filter((n) => Object.keys(n).length > 0)
  if (authors.length) item.author = authors
  if (present(doc.containerTitle)) item['container-title'] = doc.containerTitle
  if (present(doc.publisher)) item.publisher = doc.publisher
  const parts = [doc.issued?.year, doc.issued?.month, doc.issued?.day]
  const datePart: number[] = []
  for (const p of parts) {
    if (!present(p)) break
    datePart.push(p)
  }
  if (datePart.length) item.issued = { 'date-parts': [datePart] }
  if (present(doc.volume)) item.volume = doc.volume
  if (present(doc.issue)) item.issue = doc.issue
  if (present(doc.page)) item.page = doc.page
  if (present(doc.doi)) item.DOI = doc.doi
  if (present(doc.pmid)) item.PMID = doc.pmid
  if (present(doc.url)) item.URL = doc.url
  if (present(doc.note)) item.note = doc.note
  return item
}

/** CSL-JSON as citation fields, for creating or updating a stored citation. */
export function cslToCitation(item: CslItem): CitationData {
  const [year, month, day] = item.issued?.['date-parts'][0] ?? []
  return {
    key: item.id,
    type: item.type,
    title: item.title,
    authors: (item.author ?? []).map((a) => ({
      family: a.family ?? null,
      given: a.given ?? null,
      literal: a.literal ?? null,
    })),
    containerTitle: item['container-title'] ?? null,
    publisher: item.publisher ?? null,
    issued: { year: year ?? null, month: month ?? null, day: day ?? null },
    volume: item.volume ?? null,
    issue: item.issue ?? null,
    page: item.page ?? null,
    doi: item.DOI ?? null,
    pmid: item.PMID ?? null,
    url: item.URL ?? null,
    note: item.note ?? null,
  }
}
