import { cslItemSchema, type CslItem } from '../references'
import { RULES, toProblems } from './messages'
import { createMarkdownProcessor } from './processor'
import type { ContentProblem, MarkdownProcessor } from './types'

export interface ArticleInput {
  title: string | null | undefined
  summary?: string | null | undefined
  body: string | null | undefined
  /** The article's citations, as CSL-JSON. */
  references: readonly CslItem[]
}

let defaultProcessor: MarkdownProcessor | undefined

/**
 * The content checks an article must pass to be submitted: every problem with its field, title
 * and references first, then the body's in source order. Errors: `title-missing`, `body-missing`,
 * `citation-none` (the body cites nothing), `reference-invalid` (a reference that is not valid
 * CSL-JSON), plus the body render's errors (`citation-key`, `link-anchor`, ...). Submission is
 * allowed when no problem has severity 'error'.
 */
export function checkArticle(
  input: ArticleInput,
  processor: MarkdownProcessor = (defaultProcessor ??= createMarkdownProcessor()),
): ContentProblem[] {
  const problems: ContentProblem[] = []
  const add = (ruleId: keyof typeof RULES, message: string, field: string): void => {
    problems.push({ ruleId, severity: RULES[ruleId], message, field })
  }

  if (!input.title?.trim())
    add('title-missing', 'The title is missing: write the question the article answers', 'title')

  input.references.forEach((reference, index) => {
    const result = cslItemSchema.safeParse(reference)
    if (result.success) return
    const name = typeof reference?.id === 'string' ? `\`${reference.id}\`` : `number ${index + 1}`
    const details = result.error.issues
      .map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`)
      .join('; ')
    add('reference-invalid', `Reference ${name} is not valid: ${details}`, 'references')
  })

  if (!input.body?.trim()) {
    add(
      'body-missing',
      'The body is missing: write the answer, citing its sources as [@key]',
      'body',
    )
    return problems
  }

  const result = processor.render({
    markdown: input.body,
    references: input.references,
    path: 'body',
  })
  const cites =
    result.references.length > 0 || result.messages.some((m) => m.ruleId === 'citation-key')
  if (!cites) {
    add(
      'citation-none',
      'The body cites no references: support its claims with citations such as [@key]',
      'body',
    )
  }
  problems.push(...toProblems(result.messages, 'body'))
  return problems
}
