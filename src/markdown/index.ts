/**
 * The Markdown pipeline: Markdown with Pandoc citations -> sanitized hast, numbered references,
 * table of contents and positioned content messages. Pure: no Payload, Next or collections.
 */
export {
  checkArticle,
  documentProblems,
  examineArticle,
  type ArticleInput,
  type DocumentRole,
} from './check-article'
export { MESSAGE_SOURCE, RULES, toProblems, type RuleId } from './messages'
export { createMarkdownProcessor } from './processor'
export { lengthProblem, limitBreach, MARKDOWN_LIMITS, type LimitBreach } from './limits'
export { renderReferenceList } from './reference-list'
export { citationKeyCandidates } from './syntax/citation-parse'
export { textWithoutCitations } from './hast-text'
export { type SanitizedHtml, toHtml, toSanitizedHtml } from './to-html'
export { sanitizeReferenceEntry } from './reference-entry'
export { ALLOWED_SCHEMES, checkUrl } from './url'
export type {
  ContentProblem,
  MarkdownOptions,
  MarkdownProcessor,
  RenderedReference,
  RenderInput,
  RenderResult,
  TocEntry,
} from './types'
