import type { Article, Review } from '../../payload-types'
import { personRef } from './people'
import { storedArticleContent } from '../content/articleContent'
import type { ContentProblem, MarkdownProcessor } from '../markdown'
import {
  type ArticleSource,
  type ArticleSummary,
  type ArticleView,
  articleUrl,
  renderArticleView,
  type FeedArticle,
} from '../site'

/** A revision chosen for the site, with the audit events of its article (oldest first). */
export interface ArticleRecord {
  /** The revision, read with depth >= 2 (citations, authors and approver populated). */
  doc: Article
  /** True when `doc` is the approved, published revision; false for a pending one. */
  approved: boolean
  events: Review[]
}

/** A related document when it was populated, else undefined (an id alone says nothing). */
export function populated<T extends object>(
  value: T | number | string | null | undefined,
): T | undefined {
  return typeof value === 'object' && value !== null ? value : undefined
}

export { articleUrl }

/** What a stored revision's page is made from, as the site's `buildArticleView` takes it. */
export function articleSource(record: ArticleRecord): ArticleSource {
  const { doc, approved, events } = record
  const content = storedArticleContent(doc)
  const approver = populated(doc.approval?.approvedBy)
  return {
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary ?? undefined,
    topics: doc.topics ?? undefined,
    body: doc.body,
    variants: (doc.variants ?? []).map((v) => ({
      audience: v.audience,
      title: v.title ?? undefined,
      summary: v.summary ?? undefined,
      body: v.body,
    })),
    references: content.references,
    authors: (doc.authors ?? []).flatMap((a) => {
      const user = populated(a)
      return user ? [personRef(user)] : []
    }),
    approved,
    state: doc.state,
    updatedAt: doc.updatedAt,
    approval:
      approver && doc.approval?.approvedAt
        ? { at: doc.approval.approvedAt, by: personRef(approver) }
        : undefined,
    reviewDue: doc.reviewDue ?? undefined,
    events: events.map((e) => {
      const actor = populated(e.actor)
      return {
        type: e.type,
        at: e.at,
        actor: actor ? personRef(actor) : undefined,
        comment: e.comment ?? undefined,
        from: e.from ?? undefined,
        to: e.to ?? undefined,
      }
    }),
  }
}

/** An article page's view-model and the content problems found rendering it. */
export function articleView(
  record: ArticleRecord,
  markdown: MarkdownProcessor,
  now: Date,
): { view: ArticleView; problems: ContentProblem[] } {
  return renderArticleView(articleSource(record), markdown, now)
}

/** An article as the home page, the feed and the search list it. */
export function articleSummary(doc: Article, approved: boolean): FeedArticle {
  const summary: ArticleSummary = {
    slug: doc.slug,
    url: articleUrl(doc.slug),
    title: doc.title,
    summary: doc.summary ?? undefined,
    lastReviewed: approved ? (doc.approval?.approvedAt ?? undefined) : undefined,
    approved,
  }
  return { ...summary, updated: doc.updatedAt }
}
