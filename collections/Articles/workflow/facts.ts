import { createHash } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import type { Article, Citation, User } from '../../../payload-types'
import { revisionHash, type storedArticleContent } from '../../../src/content/articleContent'
import {
  type Actor,
  type ArticleFacts,
  DEFAULT_REFERENCE_POLICY,
  type ReferenceCheck,
  type ReferencePolicy,
  type ReviewFacts,
  type Role,
} from '../../../src/workflow'

const idOf = (ref: unknown): string | number =>
  typeof ref === 'object' && ref !== null
    ? (ref as { id: string | number }).id
    : (ref as string | number)

/** A signed-in user as the workflow sees them. */
export function actorOf(user: Pick<User, 'id' | 'roles'>): Actor {
  return { id: user.id, roles: user.roles as Role[] }
}

/** Whether an approved revision of the article is live (its main document is published). */
export async function isPublished(req: PayloadRequest, id: string | number): Promise<boolean> {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    req,
  })
  return docs.length > 0
}

/**
 * Citations by id, in the order asked for; ids that do not exist (or that `user`, when given,
 * may not read) are left out.
 */
export async function findCitations(
  req: PayloadRequest,
  ids: readonly (string | number)[],
  user?: PayloadRequest['user'],
): Promise<Citation[]> {
  if (!ids.length) return []
  const { docs } = await req.payload.find({
    collection: 'citations',
    where: { id: { in: [...ids] } },
    depth: 0,
    pagination: false,
    req,
    ...(user ? { overrideAccess: false, user } : {}),
  })
  const byId = new Map(docs.map((c) => [String(c.id), c]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

/** The citations of a revision populated, when the revision holds only their ids. */
export async function withCitations<T extends Pick<Article, 'citations'>>(
  req: PayloadRequest,
  revision: T,
): Promise<T> {
  const refs = revision.citations ?? []
  const ids = refs.filter((c) => typeof c !== 'object').map(idOf)
  if (!ids.length) return revision
  const found = new Map((await findCitations(req, ids)).map((c) => [String(c.id), c]))
  const citations = refs
    .map((c) => (typeof c === 'object' ? c : found.get(String(c))))
    .filter((c): c is Citation => Boolean(c))
  return { ...revision, citations }
}

export { revisionHash }

/**
 * What a save changes that readers would see beyond the approval hash: who wrote it, where it
 * lives and what it is about. An edit decision compares this, so changing the authors of an
 * article under review is refused like changing its text.
 */
export function editFingerprint(
  revision: Parameters<typeof storedArticleContent>[0] &
    Pick<Article, 'authors' | 'slug' | 'topics'>,
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        revisionHash(revision),
        (revision.authors ?? []).map((a) => String(idOf(a))).sort(),
        revision.slug,
        revision.topics ?? [],
      ]),
    )
    .digest('hex')
}

/** Who may act on a revision, as the workflow sees it (no content needed: any depth). */
export function reviewFactsOf(
  revision: Pick<Article, 'state' | 'authors' | 'reviewers'>,
  published: boolean,
): ReviewFacts {
  return {
    state: revision.state,
    authorIds: (revision.authors ?? []).map(idOf),
    reviewerIds: (revision.reviewers ?? []).map(idOf),
    isPublished: published,
  }
}

/** The workflow's view of a revision (citations populated) of an article. */
export function factsOf(
  revision: Article,
  published: boolean,
  hash: string = revisionHash(revision),
): ArticleFacts {
  return { ...reviewFactsOf(revision, published), contentHash: hash }
}

/**
 * What approval's reference rule needs of a revision (citations populated): its references by
 * key, which of them are not verified now, and the site's policy.
 */
export function referenceCheckOf(
  revision: Pick<Article, 'citations'>,
  policy: ReferencePolicy | null | undefined,
): ReferenceCheck {
  const cited = (revision.citations ?? []).filter(
    (c): c is Citation => typeof c === 'object' && c !== null,
  )
  return {
    policy: policy ?? DEFAULT_REFERENCE_POLICY,
    keys: cited.map((c) => c.key),
    unverified: cited.filter((c) => !c.verified).map((c) => c.key),
  }
}
