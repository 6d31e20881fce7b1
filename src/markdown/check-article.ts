import { cslItemSchema, type CslItem } from '../references'
import { RULES, toProblems } from './messages'
import { createMarkdownProcessor } from './processor'
import type { ContentProblem, MarkdownProcessor, RenderResult } from './types'

export interface ArticleInput {
  title: string | null | undefined
  summary?: string | null | undefined
  body: string | null | undefined
  /** The article's citations, as CSL-JSON. */
  references: readonly CslItem[]
  /**
   * Audience versions: each body with the field its problems are reported in (e.g. 'Patient or
   * caregiver version'). They may cite any of `references`.
   */
  variants?: readonly { field: string; body: string | null | undefined }[]
}

/** The main body, or an audience version retelling it. */
export type DocumentRole = 'main' | 'variant'

/**
 * The problems of one rendered document of an article, with `field` set. The rule for references
 * a document does not cite lives here: the main body should cite every reference of the article
 * (an unused one is a `citation-unused` warning), while an audience version retells the answer
 * and cites the subset it needs, so unused references are expected there and not reported.
 */
export function documentProblems(
  result: Pick<RenderResult, 'messages'>,
  role: DocumentRole,
  field: string,
): ContentProblem[] {
  const problems = toProblems(result.messages, field)
  return role === 'variant' ? problems.filter((p) => p.ruleId !== 'citation-unused') : problems
}

let defaultProcessor: MarkdownProcessor | undefined

/**
 * The content checks an article must pass to be submitted: every problem with its field, title
 * and references first, then the body's in source order, then each audience version's. Errors:
 * `title-missing`, `body-missing` (also for an empty version), `citation-none` (the body cites
 * nothing), `reference-invalid` (a reference that is not valid CSL-JSON), plus the renders' errors
 * (`citation-key`, `link-anchor`, ...). Submission is allowed when no problem has severity
 * 'error'. Unused references follow `documentProblems`.
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

  problems.push(...bodyProblems(input, processor))
  for (const variant of input.variants ?? []) {
    if (!variant.body?.trim()) {
      add('body-missing', `The ${variant.field} has no text`, variant.field)
      continue
    }
    const result = processor.render({
      markdown: variant.body,
      references: input.references,
      path: variant.field,
    })
    problems.push(...documentProblems(result, 'variant', variant.field))
  }
  return problems
}

function bodyProblems(input: ArticleInput, processor: MarkdownProcessor): ContentProblem[] {
  const problem = (ruleId: keyof typeof RULES, message: string): ContentProblem => ({
    ruleId,
    severity: RULES[ruleId],
    message,
    field: 'body',
  })
  if (!input.body?.trim()) {
    return [
      problem(
        'body-missing',
        'The body is missing: write the answer, citing its sources as [@key]',
      ),
    ]
  }
  const result = processor.render({
    markdown: input.body,
    references: input.references,
    path: 'body',
  })
  const cites =
    result.references.length > 0 || result.messages.some((m) => m.ruleId === 'citation-key')
  return [
    ...(cites
      ? []
      : [
          problem(
            'citation-none',
            'The body cites no references: support its claims with citations such as [@key]',
          ),
        ]),
    ...documentProblems(result, 'main', 'body'),
  ]
}
