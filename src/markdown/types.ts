import type { Root } from 'hast'
import type { VFileMessage } from 'vfile-message'
import type { CitationStyle, CslItem } from '../references'

export interface MarkdownOptions {
  /** Style of the reference list: any style in src/references' registry. Default 'vancouver'. */
  citationStyle?: CitationStyle
  /**
   * The public site's own address (e.g. 'https://example.org'). Absolute links to this host are
   * internal and get no `rel`; every other http(s) link is external. Default: none, so every
   * absolute http(s) link counts as external.
   */
  siteUrl?: string
}

/** One h2/h3 of the body, for a table of contents. `id` includes the render's `idPrefix`. */
export interface TocEntry {
  depth: 2 | 3
  id: string
  text: string
}

/** A cited reference, as the reference list shows it. */
export interface RenderedReference {
  key: string
  /** 1-based, in order of first citation; equals the in-text number. */
  number: number
  /** Id of the reference-list entry, e.g. 'ref-smith2020' (with the render's `idPrefix`). */
  anchorId: string
  /** Ids of the in-text citation anchors that cite this reference, in document order. */
  citedFrom: string[]
  /**
   * Sanitized hast of the formatted entry without its number: phrasing content only, with the DOI,
   * PMID and http(s) URL as links. A fresh copy per render: callers may mutate it.
   */
  formatted: Root
  data: CslItem
}

export interface RenderInput {
  markdown: string
  /** The references the document may cite; extra ones are reported as `citation-unused`. */
  references: readonly CslItem[]
  /** Shown in messages (e.g. 'content/articles/low-alp.md' or 'body'). */
  path?: string
  /**
   * Prefix for every generated id (headings, citations, references) and every in-page link, so
   * two documents (audience variants) can share one HTML page. Default ''. No whitespace.
   */
  idPrefix?: string
  /**
   * Report references never cited as `citation-unused` (default true). False when `references`
   * are only candidates the document might cite (see `examineArticle`).
   */
  reportUnused?: boolean
}

export interface RenderResult {
  /** Sanitized body. */
  hast: Root
  /** Only the cited references, in number order. */
  references: RenderedReference[]
  toc: TocEntry[]
  /** Sorted by position; messages without one (e.g. `citation-unused`) come last. */
  messages: VFileMessage[]
  errorCount: number
  warningCount: number
}

/**
 * A message as plain, serializable data for the admin UI and the APIs: the shape the workflow's
 * submit rule takes (only errors block submission).
 */
export type { ContentProblem } from '../workflow/model'

export interface MarkdownProcessor {
  /** Synchronous and reentrant: build the processor once, render many documents. */
  render(input: RenderInput): RenderResult
}
