import { type CslItem, canonicalReference } from '../references'
import { citationKeyCandidates, type MarkdownOptions } from '../markdown'
import { budgetProblem, renderPool } from '../render'
import { variantField } from './articleChecks'
import type { ArticleCheck } from './importPlan'
import type { ArticleSource, ContentBundle } from './loadContentDir'

/** Every key an article file could cite, in its body and audience versions. */
export function candidateKeys(source: ArticleSource): Set<string> {
  const keys = citationKeyCandidates(source.body)
  for (const v of source.frontMatter.variants ?? []) {
    for (const key of citationKeyCandidates(v.body)) keys.add(key)
  }
  return keys
}

/**
 * The Markdown checks of every article of a content folder, in the render pool (each with its
 * time and memory budget): what each cites and every problem, with its field. Each article is
 * checked against only the references it could cite (from the folder, else from `stored`), so
 * the work grows with the article, not with the number of references.
 */
export async function checkImport(
  bundle: ContentBundle,
  stored: ReadonlyMap<string, CslItem>,
  options: MarkdownOptions,
): Promise<Map<string, ArticleCheck>> {
  const fromFiles = new Map(bundle.references.map((r) => [r.id, canonicalReference(r)]))
  const pool = renderPool()
  const checks = await Promise.all(
    bundle.articles.map(async (source): Promise<[string, ArticleCheck]> => {
      const references = [...candidateKeys(source)].flatMap((key) => {
        const item = fromFiles.get(key) ?? stored.get(key)
        return item ? [item] : []
      })
      const fm = source.frontMatter
      try {
        const check = await pool.run('check-article', {
          options,
          candidates: true,
          article: {
            title: fm.title,
            summary: fm.summary,
            body: source.body,
            references,
            variants: (fm.variants ?? []).map((v) => ({
              field: variantField(v.audience),
              body: v.body,
            })),
          },
        })
        return [source.file, check]
      } catch (error) {
        const problem = budgetProblem(error)
        if (!problem) throw error
        return [source.file, { citedKeys: [], problems: [problem] }]
      }
    }),
  )
  return new Map(checks)
}
