import type { Citation } from '../../payload-types'
import { revisionHash, storedArticleContent } from '../content/articleContent'
import { type ArticleSource, articleUrl, type FeedArticle, type PersonRef } from '../site'
import { personRef } from './people'
import type { LoadedArticle } from './read'

export { articleUrl }

/** The revision with its references populated, as the content mapping and the hash take it. */
const populated = (loaded: LoadedArticle) => ({
  ...loaded.doc,
  citations: loaded.citations as (number | Citation)[],
})

/** The content hash of a revision (for an approved one, verified equal to its approval's). */
export const contentHashOf = (loaded: LoadedArticle): string => revisionHash(populated(loaded))

/** What a revision's pages are made from, as the site's `buildArticleView` takes it. */
export function articleSource(loaded: LoadedArticle): ArticleSource {
  const { doc, approved, approver } = loaded
  const content = storedArticleContent(populated(loaded))
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
    authors: loaded.authors.map(personRef),
    approved,
    state: doc.state,
    updatedAt: doc.updatedAt,
    approval:
      approver && doc.approval?.approvedAt
        ? { at: doc.approval.approvedAt, by: personRef(approver) }
        : undefined,
    reviewDue: doc.reviewDue ?? undefined,
    events: loaded.events.map((e) => ({
      type: e.type,
      at: e.at,
      actor: eventActor(e),
      comment: e.comment ?? undefined,
      from: e.from ?? undefined,
      to: e.to ?? undefined,
    })),
  }
}

/** An article as lists, the feed, the sitemap and the search show it. */
export function articleSummary(loaded: LoadedArticle): FeedArticle {
  const { doc, approved } = loaded
  return {
    slug: doc.slug,
    url: articleUrl(doc.slug),
    title: doc.title,
    summary: doc.summary ?? undefined,
    lastReviewed: approved ? (doc.approval?.approvedAt ?? undefined) : undefined,
    approved,
    topics: doc.topics?.length ? doc.topics : undefined,
    updated: doc.updatedAt,
  }
}

/**
 * Who acted, as the event recorded them: the name and credentials frozen into the event when it
 * was written (a later profile edit changes no history), linked to the person's profile while it
 * exists.
 */
function eventActor(e: LoadedArticle['events'][number]): PersonRef | undefined {
  const live = e.actorUser ? personRef(e.actorUser) : undefined
  if (!e.actorName) return live
  const frozen = { name: e.actorName, credentials: e.actorCredentials ?? undefined }
  return live ? { ...live, ...frozen } : { id: '', slug: '', ...frozen, listedOnBoard: false }
}
