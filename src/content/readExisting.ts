import type { Payload, PayloadRequest, Where } from 'payload'

import type { Article, Citation } from '../../payload-types'
import { fromStored } from '../references'
import type { Role } from '../workflow'
import { revisionHash } from './articleContent'
import { chunks } from './paging'
import {
  type ExistingArticle,
  type ExistingContent,
  type ExistingUser,
  personProfile,
} from './importPlan'

/** Every document of `collection` whose `field` is one of `values`, read in chunks. */
async function findIn<T>(
  values: readonly string[],
  read: (where: Where) => Promise<{ docs: T[] }>,
  field: string,
): Promise<T[]> {
  const docs: T[] = []
  for (const chunk of chunks(values)) docs.push(...(await read({ [field]: { in: chunk } })).docs)
  return docs
}

const idOf = (ref: unknown) =>
  typeof ref === 'object' && ref !== null ? (ref as { id: string | number }).id : ref

/**
 * What the database holds of what a content folder names, and nothing else: the users with these
 * emails, the citations with these keys, the articles with these slugs (their latest revision,
 * whether one is published, and its approval), and the site settings. Reads in chunks, so no
 * query grows with the folder.
 */
export async function readExisting(
  payload: Payload,
  req: PayloadRequest,
  names: { emails: readonly string[]; keys: readonly string[]; slugs: readonly string[] },
): Promise<ExistingContent> {
  const users = new Map<string, ExistingUser>()
  const foundUsers = await findIn(
    names.emails,
    (where) => payload.find({ collection: 'users', where, pagination: false, depth: 0, req }),
    'email',
  )
  for (const user of foundUsers) {
    const profile = personProfile(user)
    users.set(user.email.toLowerCase(), { id: user.id, roles: user.roles as Role[], profile })
  }

  const references = new Map<string, { id: Citation['id']; item: ReturnType<typeof fromStored> }>()
  const foundCitations = await findIn(
    names.keys,
    (where) => payload.find({ collection: 'citations', where, pagination: false, depth: 0, req }),
    'key',
  )
  for (const c of foundCitations) references.set(c.key, { id: c.id, item: fromStored(c) })

  const articles = new Map<string, ExistingArticle>()
  const latest = await findIn(
    names.slugs,
    (where) =>
      payload.find({
        collection: 'articles',
        where,
        draft: true,
        depth: 1,
        pagination: false,
        req,
      }),
    'slug',
  )
  const published = new Map(
    (
      await findIn(
        latest.map((a) => String(a.id)),
        (where) =>
          payload.find({
            collection: 'articles',
            where: { and: [where, { _status: { equals: 'published' } }] },
            depth: 0,
            pagination: false,
            req,
          }),
        'id',
      )
    ).map((a: Article) => [String(a.id), a]),
  )
  for (const doc of latest) {
    const live = published.get(String(doc.id))
    articles.set(doc.slug, {
      id: doc.id,
      facts: {
        state: doc.state,
        authorIds: (doc.authors ?? []).map((a) => idOf(a) as string | number),
        reviewerIds: (doc.reviewers ?? []).map((r) => idOf(r) as string | number),
        isPublished: live !== undefined,
        contentHash: revisionHash(doc),
        approvedHash: live?.approval?.hash ?? null,
      },
      topics: doc.topics ?? [],
      authorIds: (doc.authors ?? []).map((a) => idOf(a) as string | number),
      citationKeys: (doc.citations ?? []).flatMap((c) =>
        typeof c === 'object' && c !== null ? [c.key] : [],
      ),
    })
  }

  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  return { users, references, articles, settings: settings as unknown as Record<string, unknown> }
}
