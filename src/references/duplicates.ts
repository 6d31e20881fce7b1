import { asciiWords } from './keys'

/**
 * The duplicate rule, `sameWork`: two references are one work when they have the same DOI
 * (DOIs are case-insensitive), the same PMID, or the same normalized title (accents, case,
 * punctuation and spacing aside). The importers, the admin import and the CLI all use it.
 */

export type DuplicateReason = 'doi' | 'pmid' | 'title'

interface WorkFields {
  DOI?: string
  PMID?: string
  title?: string | number
}

/** A title reduced to its lowercase ASCII words, for comparing: '' when it has none. */
export function normalizedTitle(title: string | number | undefined): string {
  return asciiWords(String(title ?? '')).join(' ')
}

/** Why `a` and `b` are the same work, or undefined when they are not. */
export function sameWork(a: WorkFields, b: WorkFields): DuplicateReason | undefined {
  if (a.DOI && b.DOI && a.DOI.toLowerCase() === b.DOI.toLowerCase()) return 'doi'
  if (a.PMID && b.PMID && a.PMID === b.PMID) return 'pmid'
  const title = normalizedTitle(a.title)
  if (title && title === normalizedTitle(b.title)) return 'title'
  return undefined
}

/** A reference that `item` duplicates, with the reason. */
export interface Duplicate<T> {
  of: T
  reason: DuplicateReason
}

/**
 * The first of `candidates` that is the same work as `item`. Indexed lookups would be faster;
 * a paste or a references file holds hundreds of entries at most, so a scan is enough.
 */
export function findDuplicate<T extends { item: WorkFields }>(
  item: WorkFields,
  candidates: Iterable<T>,
): Duplicate<T> | undefined {
  for (const candidate of candidates) {
    const reason = sameWork(item, candidate.item)
    if (reason) return { of: candidate, reason }
  }
  return undefined
}

/** How a duplicate is described to people: `same DOI`, `same PMID`, `same title`. */
export const DUPLICATE_LABELS: Record<DuplicateReason, string> = {
  doi: 'same DOI',
  pmid: 'same PMID',
  title: 'same title',
}
