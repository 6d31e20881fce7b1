import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

/** What a change is about: an article, a reference, a person, or an article's review event. */
export const SITE_CHANGE_KINDS = ['article', 'citation', 'user', 'review'] as const
export type SiteChangeKind = (typeof SITE_CHANGE_KINDS)[number]

/**
 * Records that a document the site shows changed, in the request's transaction, for the next
 * publish (see collections/SiteChanges). Through the database adapter: a change log has no
 * hooks or access of its own.
 */
export async function recordSiteChange(
  req: PayloadRequest,
  kind: SiteChangeKind,
  ref: string | number,
): Promise<void> {
  await req.payload.db.create({
    collection: 'site-changes',
    data: { kind, ref: String(ref) },
    req,
  })
}

/**
 * The hooks that record a collection's changes and deletions (for review events, the article is
 * what changed).
 */
export function siteChangeHooks(kind: SiteChangeKind): {
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  const refOf = (doc: Record<string, unknown>) =>
    kind === 'review'
      ? String(
          typeof doc.article === 'object' && doc.article !== null
            ? (doc.article as { id: unknown }).id
            : doc.article,
        )
      : String(doc.id)
  return {
    afterChange: async ({ doc, req }) => {
      await recordSiteChange(req, kind === 'review' ? 'article' : kind, refOf(doc))
      return doc
    },
    afterDelete: async ({ doc, req }) => {
      await recordSiteChange(req, kind === 'review' ? 'article' : kind, refOf(doc))
      return doc
    },
  }
}
