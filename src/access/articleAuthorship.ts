import type { PayloadRequest, Where } from 'payload'

import { hasRole, type RoleHolder } from './roles'

type Id = string | number

/**
 * The one rule for "is this person an author of this article": the authors its latest revision
 * lists. A draft save writes only a new revision (Payload leaves the main record, the published
 * one, as it was), so a rule that looked at the main record would let a co-author added to a draft
 * edit it but not read it, and a removed one read it but not edit it. Reading, editing, the
 * revisions and the review history all ask this.
 *
 * Returns the ids of those articles, or none for a user without the author role (authors act on
 * their own articles through the author role; staff and reviewers have their own, wider rules).
 * The query is one indexed look-up over the latest revisions that list the user.
 */
export async function authoredArticleIds(req: PayloadRequest): Promise<Id[]> {
  const user = req.user as RoleHolder
  if (!user || !hasRole(user, 'author')) return []
  const { docs } = await req.payload.db.findVersions({
    collection: 'articles',
    where: {
      and: [{ latest: { equals: true } }, { 'version.authors': { contains: user.id } }],
    },
    pagination: false,
    limit: 0,
    req,
  })
  const ids = new Set<Id>()
  for (const doc of docs) {
    const parent = doc.parent as Id | { id: Id }
    ids.add(typeof parent === 'object' ? parent.id : parent)
  }
  return [...ids]
}

/**
 * The where-query for the user's own articles on `field` (`id` for articles, `parent` for their
 * revisions, `article` for their review events), or false when they have none.
 */
export async function authoredBy(req: PayloadRequest, field: string): Promise<Where | false> {
  const ids = await authoredArticleIds(req)
  return ids.length ? { [field]: { in: ids } } : false
}
