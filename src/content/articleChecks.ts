import type { ArticleInput, ContentProblem, MarkdownOptions } from '../markdown'
import { budgetProblem, renderPool } from '../render'
import { type Audience, audienceLabel } from '../site/audiences'
import type { ArticleContent } from './articleContent'

/** The field an audience version's problems are reported in: 'Patient or caregiver version'. */
export const variantField = (audience: string): string =>
  `${audienceLabel(audience as Audience)} version`

/** A revision's content as the Markdown checks take it. */
export function checkInput(content: ArticleContent): ArticleInput {
  return {
    title: content.title,
    summary: content.summary,
    body: content.body,
    references: content.references,
    variants: (content.variants ?? []).map((v) => ({
      field: variantField(v.audience),
      body: v.body,
    })),
  }
}

/**
 * Every content problem of an article revision (the Markdown checks' `checkArticle` over its
 * question, body, audience versions and references), run in the render pool: a revision that
 * exceeds the render budget has one problem saying so. Submission and publishing refuse a
 * revision with any problem of severity 'error'.
 */
export async function articleProblems(
  content: ArticleContent,
  options: MarkdownOptions,
): Promise<ContentProblem[]> {
  try {
    const { problems } = await renderPool().run('check-article', {
      options,
      article: checkInput(content),
    })
    return problems
  } catch (error) {
    const problem = budgetProblem(error)
    if (!problem) throw error
    return [problem]
  }
}
