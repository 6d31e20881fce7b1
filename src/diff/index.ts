/**
 * The reviewer's diff: how one revision of an article differs from another, in its Markdown (by
 * line and word), in the text readers see, and in its cited references (field by CSL field).
 * Pure: no Payload, Next or collections; the Markdown pipeline renders, jsdiff compares.
 */
export {
  CONTEXT_LINES,
  DIFF_LIMITS,
  diffLines,
  diffText,
  linesOf,
  wordChanges,
  type DiffRow,
  type Segment,
  type TextDiff,
} from './lines'
export { readerLines, renderReaderText } from './readerText'
export {
  diffReferences,
  fieldText,
  type FieldChange,
  type ReferenceChange,
  type ReferencesDiff,
} from './references'
export {
  reviewDiff,
  type DocumentDiff,
  type RenderedDiff,
  type ReviewDiff,
  type RevisionContent,
} from './review'
