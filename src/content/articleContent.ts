import type { Article, Citation } from '../../payload-types'
import { type CslItem, fromStored } from '../references'
import { type ApprovalProblem, approvalProblem, contentHash } from '../workflow'

/**
 * The reader-visible content of an article revision, with its references as CSL-JSON in their
 * canonical form (src/references' `canonicalReference`, what storage gives back): the workflow's
 * `contentHash` input.
 */
export interface ArticleContent {
  title: string
  summary?: string | null
  body: string
  variants?:
    { audience: string; title?: string | null; summary?: string | null; body: string }[] | null
  references: CslItem[]
}

/**
 * What an approval binds to, from a stored revision whose `citations` are populated (depth >= 1).
 * The single mapping used by import, approval and publishing, so all three hash the same thing.
 * Throws when a citation is not populated: hashing ids instead of data would bind nothing.
 */
export function storedArticleContent(
  article: Pick<Article, 'title' | 'summary' | 'body' | 'variants' | 'citations'>,
): ArticleContent {
  const references = (article.citations ?? []).map((c) => {
    if (typeof c !== 'object' || c === null) {
      throw new TypeError(
        'storedArticleContent needs citations populated (read the article with depth >= 1)',
      )
    }
    return fromStored(c as Citation)
  })
  return {
    title: article.title,
    summary: article.summary,
    body: article.body,
    variants: (article.variants ?? []).map(({ audience, title, summary, body }) => ({
      audience,
      title,
      summary,
      body,
    })),
    references,
  }
}

/** The approval hash of a stored revision (citations populated). */
export const revisionHash = (revision: Parameters<typeof storedArticleContent>[0]): string =>
  contentHash(storedArticleContent(revision))

/**
 * Why a published revision (citations populated) must not be shown as it stands: the workflow's
 * `approvalProblem` over its stored approval record and the hash of its content now.
 */
export function publishedApprovalProblem(doc: Article): ApprovalProblem | undefined {
  return approvalProblem({ state: doc.state, approvedHash: doc.approval?.hash }, revisionHash(doc))
}
