import type { Data, Node } from 'unist'
import type { CslItem } from '../references'
import type { TocEntry } from './types'

/** One cited work inside `[...]`, as written: `[see @key, p. 12]`. */
export interface CitationItem {
  key: string
  /** Text before the key (`see`), trimmed; '' when none. */
  prefix: string
  /** Text after the key without its leading comma (`p. 12`), trimmed; '' when none. */
  locator: string
}

/** An item after resolution against the document's references. */
export interface ResolvedCitationItem extends CitationItem {
  /** Undefined when the key is unknown. */
  number?: number
  /** Id of the in-text anchor; undefined when unknown or not linked. */
  id?: string
  /** Href of the reference-list entry; undefined when unknown or not linked. */
  href?: string
}

export interface CitationData extends Data {
  /** Set by `remarkCitations`, in display order (see there). */
  resolved?: ResolvedCitationItem[]
}

/** mdast node for a bracketed citation group: `[@a; @b, p. 3]`. */
export interface Citation extends Node {
  type: 'citation'
  /** The source text, brackets included. */
  source: string
  items: CitationItem[]
  data?: CitationData
}

/** A reference that the document cites, in number order. */
export interface CitedReference {
  key: string
  number: number
  anchorId: string
  citedFrom: string[]
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: Citation
  }
  interface RootContentMap {
    citation: Citation
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Input: prefix for generated ids (see `RenderInput.idPrefix`). */
    idPrefix: string
    /** Input: report references never cited (default true). */
    reportUnused: boolean
    /** Input: the references the document may cite, by key. */
    references: ReadonlyMap<string, CslItem>
    /** Output of `remarkCitations`: cited references in number order. */
    citations: CitedReference[]
    /** Output of `rehypeHeadingIds`. */
    toc: TocEntry[]
  }
}
