import type { MarkdownProcessor } from '../markdown'
import type { CslItem } from '../references'
import { diffLines, diffText, type TextDiff } from './lines'
import { renderReaderText } from './readerText'
import { diffReferences, type ReferencesDiff } from './references'

/** One revision's content, as an approval binds it (src/content's `ArticleContent`). */
export interface RevisionContent {
  title: string
  summary?: string | null
  body: string
  variants?:
    | readonly { audience: string; title?: string | null; summary?: string | null; body: string }[]
    | null
  /** The cited references' CSL-JSON, canonical (src/references' `fromStored`). */
  references: readonly CslItem[]
}

/** The rendered text diff of a document, or why one side could not be rendered. */
export type RenderedDiff = TextDiff | { unavailable: string }

/** How one document (the main body, or one audience version) differs. */
export interface DocumentDiff {
  /** The audience version's audience; null for the main body (for healthcare professionals). */
  audience: string | null
  change: 'added' | 'removed' | 'changed' | 'unchanged'
  title: TextDiff
  summary: TextDiff
  /** The Markdown source, by line with word changes inside changed lines. */
  source: TextDiff
  /** The text readers see (`readerLines`), by line. */
  rendered: RenderedDiff
}

/** How the later of two revisions differs from the earlier, for a reviewer. */
export interface ReviewDiff {
  changed: boolean
  /** The main body first, then each audience version (present in either revision) by audience. */
  documents: DocumentDiff[]
  references: ReferencesDiff
}

type Document = { title?: string | null; summary?: string | null; body: string }

/**
 * The review diff of revision `before` and revision `after`: the question, summary and Markdown of
 * the main body and of each audience version (matched by audience), the text readers see of each
 * as the site's pipeline renders it with the revision's references, and the cited references
 * field by field. Pure and bounded: each text diff keeps within `DIFF_LIMITS`, and a document past
 * the Markdown limits is compared as source only. Run it in the render pool (`review-diff`), as
 * every rendering of an author's Markdown is.
 */
export function reviewDiff(
  before: RevisionContent,
  after: RevisionContent,
  processor: MarkdownProcessor,
): ReviewDiff {
  const variants = (revision: RevisionContent) =>
    new Map((revision.variants ?? []).map((v) => [v.audience, v]))
  const oldVariants = variants(before)
  const newVariants = variants(after)
  const audiences = [...new Set([...oldVariants.keys(), ...newVariants.keys()])].sort()
  const documents = [
    diffDocument(null, before, after, before.references, after.references, processor),
    ...audiences.map((audience) =>
      diffDocument(
        audience,
        oldVariants.get(audience),
        newVariants.get(audience),
        before.references,
        after.references,
        processor,
      ),
    ),
  ]
  const references = diffReferences(before.references, after.references)
  return {
    changed: references.changes.length > 0 || documents.some((d) => d.change !== 'unchanged'),
    documents,
    references,
  }
}

function diffDocument(
  audience: string | null,
  before: Document | undefined,
  after: Document | undefined,
  oldReferences: readonly CslItem[],
  newReferences: readonly CslItem[],
  processor: MarkdownProcessor,
): DocumentDiff {
  const title = diffText(plain(before?.title), plain(after?.title))
  const summary = diffText(plain(before?.summary), plain(after?.summary))
  const source = diffText(before?.body, after?.body)
  const read = (doc: Document | undefined, references: readonly CslItem[]) =>
    doc ? renderReaderText(processor, doc.body, references) : { lines: [] }
  const oldText = read(before, oldReferences)
  const newText = read(after, newReferences)
  const rendered: RenderedDiff =
    'unavailable' in oldText
      ? { unavailable: `The earlier revision cannot be rendered: ${oldText.unavailable}` }
      : 'unavailable' in newText
        ? { unavailable: `This revision cannot be rendered: ${newText.unavailable}` }
        : diffLines(oldText.lines, newText.lines)
  const changed =
    title.changed ||
    summary.changed ||
    source.changed ||
    ('changed' in rendered ? rendered.changed : true)
  return {
    audience,
    change: !before ? 'added' : !after ? 'removed' : changed ? 'changed' : 'unchanged',
    title,
    summary,
    source,
    rendered,
  }
}

/** Plain text fields as readers see them: trimmed (the approval hash ignores the rest too). */
const plain = (value: string | null | undefined) => value?.trim() || undefined
