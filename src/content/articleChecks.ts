import {
  checkArticle,
  type ContentProblem,
  createMarkdownProcessor,
  type MarkdownProcessor,
  toProblems,
} from '../markdown'
import type { ArticleContent } from './articleContent'
import { type Audience, audienceLabel } from './audiences'

let shared: MarkdownProcessor | undefined

/**
 * Every content problem of an article revision: the main body's checks (title, body, citations,
 * references) and each audience version's, with the field each is in. Submission and publishing
 * refuse a revision with any problem of severity 'error'.
 */
export function articleProblems(
  content: ArticleContent,
  processor: MarkdownProcessor = (shared ??= createMarkdownProcessor()),
): ContentProblem[] {
  const problems = checkArticle(
    {
      title: content.title,
      summary: content.summary,
      body: content.body,
      references: content.references,
    },
    processor,
  )
  for (const variant of content.variants ?? []) {
    const field = `${audienceLabel(variant.audience as Audience)} version`
    if (!variant.body.trim()) {
      problems.push({
        ruleId: 'body-missing',
        severity: 'error',
        message: `The ${field} has no text`,
        field,
      })
      continue
    }
    const result = processor.render({
      markdown: variant.body,
      references: content.references,
      path: field,
    })
    // A version cites the subset of the references it needs; unused ones are expected.
    problems.push(
      ...toProblems(result.messages, field).filter((p) => p.ruleId !== 'citation-unused'),
    )
  }
  return problems
}
