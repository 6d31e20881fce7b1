import type { Payload, Where } from 'payload'

import { SHOWN_WHILE_PENDING, statesWhere } from '../workflow'
import { chunks, PAGE_SIZE } from './read'

/**
 * A change committed after a publish read the data can carry an earlier `updatedAt` (it was made
 * inside a transaction that began before): everything changed since the last read minus this is
 * looked at again. Looking twice is cheap: unchanged pages are recognised by their inputs.
 */
export const CHANGE_MARGIN_MS = 5 * 60_000

const idOf = (ref: unknown): string =>
  String(typeof ref === 'object' && ref !== null ? (ref as { id: unknown }).id : ref)

/** What changed since the last publish that can change the site. */
export interface Changes {
  /** Articles whose pages may differ: they, their references, their people or their events changed. */
  articles: Set<string>
  /** A person changed: the advisory board page may differ. */
  people: boolean
}

/** Ids of every document of `collection` matching `where`, a page at a time, by id. */
async function idsWhere(
  payload: Payload,
  collection: 'articles' | 'citations' | 'users' | 'reviews',
  where: Where,
  options: { draft?: boolean; field?: 'article' } = {},
): Promise<string[]> {
  const ids: string[] = []
  let after: string | number | undefined
  for (;;) {
    const { docs } = await payload.find({
      collection,
      where: after === undefined ? where : { and: [where, { id: { greater_than: after } }] },
      draft: options.draft,
      sort: 'id',
      limit: PAGE_SIZE * 4,
      pagination: false,
      depth: 0,
      select: options.field ? { [options.field]: true } : {},
    } as Parameters<Payload['find']>[0])
    if (!docs.length) return ids
    after = docs[docs.length - 1]!.id
    for (const doc of docs) {
      ids.push(
        options.field
          ? idOf((doc as unknown as Record<string, unknown>)[options.field])
          : String(doc.id),
      )
    }
    if (docs.length < PAGE_SIZE * 4) return ids
  }
}

/** Articles (published or pending) that name any of `ids` in `field`. */
async function articlesNaming(payload: Payload, field: string, ids: string[]): Promise<string[]> {
  const found: string[] = []
  for (const chunk of chunks(ids)) {
    const where = { [field]: { in: chunk } } as Where
    found.push(...(await idsWhere(payload, 'articles', where)))
    found.push(
      ...(await idsWhere(
        payload,
        'articles',
        { and: [where, { state: { in: statesWhere(SHOWN_WHILE_PENDING) } }] },
        { draft: true },
      )),
    )
  }
  return found
}

/**
 * Which articles may have to be published again because of what changed between `since` and
 * `now`: the articles themselves (their latest revision or their published one), the references
 * they cite, the people they name (authors, approver, reviewers, anyone in their history), their
 * audit events, and re-reviews that fell due in between. Every query is paged or chunked: the
 * work follows what changed, not the size of the site.
 */
export async function changesSince(payload: Payload, since: Date, now: Date): Promise<Changes> {
  const after = new Date(since.getTime() - CHANGE_MARGIN_MS).toISOString()
  const changed = { updatedAt: { greater_than: after } }
  const articles = new Set<string>([
    ...(await idsWhere(payload, 'articles', changed)),
    ...(await idsWhere(payload, 'articles', changed, { draft: true })),
    ...(await idsWhere(
      payload,
      'reviews',
      { createdAt: { greater_than: after } },
      { field: 'article' },
    )),
    // Re-reviews that fell due since: their pages now carry the overdue notice.
    ...(await idsWhere(payload, 'articles', {
      and: [
        { _status: { equals: 'published' } },
        { reviewDue: { greater_than: since.toISOString() } },
        { reviewDue: { less_than_equal: now.toISOString() } },
      ],
    })),
  ])
  const citations = await idsWhere(payload, 'citations', changed)
  for (const id of await articlesNaming(payload, 'citations', citations)) articles.add(id)
  const people = await idsWhere(payload, 'users', changed)
  for (const field of ['authors', 'reviewers', 'approval.approvedBy']) {
    for (const id of await articlesNaming(payload, field, people)) articles.add(id)
  }
  for (const chunk of chunks(people)) {
    const events = await idsWhere(
      payload,
      'reviews',
      { actor: { in: chunk } },
      { field: 'article' },
    )
    for (const id of events) articles.add(id)
  }
  return { articles, people: people.length > 0 }
}

/**
 * How many articles are published, and how many have a latest revision submitted or under review
 * (published or not): a change in either that `changesSince` did not explain is a deletion.
 */
export async function siteCounts(
  payload: Payload,
): Promise<{ published: number; pending: number }> {
  const [published, pending] = await Promise.all([
    payload.count({ collection: 'articles', where: { _status: { equals: 'published' } } }),
    // The latest revision's state: a draft save does not change the main document.
    payload.countVersions({
      collection: 'articles',
      where: {
        and: [
          { latest: { equals: true } },
          { 'version.state': { in: statesWhere(SHOWN_WHILE_PENDING) } },
        ],
      },
    }),
  ])
  return { published: published.totalDocs, pending: pending.totalDocs }
}
