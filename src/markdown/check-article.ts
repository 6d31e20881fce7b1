import { cslItemSchema, type CslItem } from '../references'
import { LIMIT_RULES } from './limits'
import { RULES, toProblems, unusedReferenceReason } from './messages'
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
  return examineArticle(input, processor).problems
}

/**
 * `checkArticle`, and the keys the article cites (in order of first citation, main body first).
 * With `candidates`, `references` are only what the article might cite (say, every reference of
 * a content folder): the article's references are then the ones it cites, and only those are
 * checked; the main body is told of those it leaves to the audience versions.
 */
export function examineArticle(
  input: ArticleInput,
  processor: MarkdownProcessor = (defaultProcessor ??= createMarkdownProcessor()),
  { candidates = false }: { candidates?: boolean } = {},
): { problems: ContentProblem[]; citedKeys: string[] } {
  const problems: ContentProblem[] = []
  const add = (ruleId: keyof typeof RULES, message: string, field: string): void => {
    problems.push({ ruleId, severity: RULES[ruleId], message, field })
  }
  const render = (markdown: string, path: string, reportUnused: boolean) =>
    processor.render({ markdown, references: input.references, path, reportUnused })

  if (!input.title?.trim())
    add('title-missing', 'The title is missing: write the question the article answers', 'title')

  const main = input.body?.trim() ? render(input.body, 'body', !candidates) : undefined
  const variants = (input.variants ?? []).map((variant) => ({
    variant,
    result: variant.body?.trim() ? render(variant.body, variant.field, false) : undefined,
  }))
  const citedKeys = [
    ...new Set(
      [main, ...variants.map((v) => v.result)].flatMap(
        (r) => r?.references.map((c) => c.key) ?? [],
      ),
    ),
  ]
  const cited = new Set(citedKeys)
  const own = candidates ? input.references.filter((r) => cited.has(r.id)) : input.references

  own.forEach((reference, index) => {
    const result = cslItemSchema.safeParse(reference)
    if (result.success) return
    const name = typeof reference?.id === 'string' ? `\`${reference.id}\`` : `number ${index + 1}`
    const details = result.error.issues
      .map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`)
      .join('; ')
    add('reference-invalid', `Reference ${name} is not valid: ${details}`, 'references')
  })

  if (!main) {
    add(
      'body-missing',
      'The body is missing: write the answer, citing its sources as [@key]',
      'body',
    )
  } else {
    // A body past a limit is not parsed: what it cites is unknown, its one message says why.
    const cites =
      main.references.length > 0 ||
      main.messages.some(
        (m) => m.ruleId === 'citation-key' || LIMIT_RULES.some((rule) => rule === m.ruleId),
      )
    if (!cites) {
      add(
        'citation-none',
        'The body cites no references: support its claims with citations such as [@key]',
        'body',
      )
    }
    problems.push(...documentProblems(main, 'main', 'body'))
    if (candidates) {
      const inMain = new Set(main.references.map((r) => r.key))
      for (const key of citedKeys) {
        if (!inMain.has(key)) add('citation-unused', unusedReferenceReason(key), 'body')
      }
    }
  }
  for (const { variant, result } of variants) {
    if (!result) add('body-missing', `The ${variant.field} has no text`, variant.field)
    else problems.push(...documentProblems(result, 'variant', variant.field))
  }
  return { problems, citedKeys }
}
