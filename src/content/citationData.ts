import type { Citation } from '../../payload-types'
import { type CslItem, type StoredReference, toStored } from '../references'

/** Compiles only while Payload's generated `Citation` fits the core's stored shape… */
type Fits<T extends StoredReference> = T
export type CitationAsStored = Fits<Citation>
/** …and has a field for every part of it (so no column is forgotten in collections/Citations). */
type NoneMissing<T extends never> = T
export type CitationColumnsMissing = NoneMissing<Exclude<keyof StoredReference, keyof Citation>>

/** The citation fields that hold a reference's data (what the approval hash covers). */
export type CitationData = Pick<Citation, keyof StoredReference>

/** What to create or update a citations document with, for a CSL item (src/references' mapping). */
export function citationData(item: CslItem): CitationData {
  const stored = toStored(item)
  return { ...stored, csl: stored.csl as Citation['csl'] }
}
