import type { Payload, Where } from 'payload'

import { chunks, pagesById, refId } from '../content/paging'
import { SHOWN_WHILE_PENDING, statesWhere } from '../workflow'
import { PAGE_SIZE } from './read'

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
  collection: 'articles' | 'reviews',
  where: Where,
  options: { draft?: boolean; field?: 'article' } = {},
): Promise<string[]> {
  const ids: string[] = []
  const read = (w: Where) =>
    payload.find({
      collection,
      where: w,
      draft: options.draft,
      sort: 'id',
      limit: PAGE_SIZE * 4,
      pagination: false,
      depth: 0,
      select: options.field ? { [options.field]: true } : {},
    } as Parameters<Payload['find']>[0])
  for await (const docs of pagesById(where, PAGE_SIZE * 4, read)) {
    for (const doc of docs) {
      ids.push(
        options.field
          ? refId((doc as unknown as Record<string, unknown>)[options.field])
          : String(doc.id),
      )
    }
  }
  return ids
}

/** Articles (published or pending) that name any of `ids` in `field`. */
export async function articlesNaming(
  payload: Payload,
  field: string,
  ids: string[],
): Promise<string[]> {
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
 * What changed since the last publish, from the change log (collections/SiteChanges): the
 * articles recorded, those citing a recorded reference, those naming a recorded person (author,
 * reviewer, approver, anyone in their history), and those whose re-review fell due between
 * `since` and `now`. Every query is paged or chunked: the work follows what changed, not the size
 * of the site. `rows` are the change log's rows read, to consume once a build is live.
 */
export async function pendingChanges(
  payload: Payload,
  since: Date,
  now: Date,
): Promise<Changes & { rows: string[] }> {
  const rows = await changeRows(payload)
  const refs = (kind: string) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.ref))]
  const articles = new Set<string>(refs('article'))
  // Re-reviews that fell due since: their pages now carry the overdue notice.
  for (const id of await idsWhere(payload, 'articles', {
    and: [
      { _status: { equals: 'published' } },
      { reviewDue: { greater_than: since.toISOString() } },
      { reviewDue: { less_than_equal: now.toISOString() } },
    ],
  })) {
    articles.add(id)
  }
  for (const id of await articlesNaming(payload, 'citations', refs('citation'))) articles.add(id)
  const people = refs('user')
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
  return { articles, people: people.length > 0, rows: rows.map((r) => r.id) }
}

/** Every row of the change log, by id, a page at a time. */
export async function changeRows(
  payload: Payload,
): Promise<{ id: string; kind: string; ref: string }[]> {
  const rows: { id: string; kind: string; ref: string }[] = []
  const read = (where: Where) =>
    payload.find({
      collection: 'site-changes',
      where,
      sort: 'id',
      limit: PAGE_SIZE * 4,
      pagination: false,
      depth: 0,
    })
  for await (const docs of pagesById({}, PAGE_SIZE * 4, read)) {
    for (const doc of docs) rows.push({ id: String(doc.id), kind: doc.kind, ref: doc.ref })
  }
  return rows
}

/** Removes change log rows a live build has taken into account. */
export async function consumeChanges(payload: Payload, rows: readonly string[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await payload.db.deleteMany({ collection: 'site-changes', where: { id: { in: chunk } } })
  }
}

/**
 * How many articles are published, and how many have a latest revision submitted or under review
 * (published or not): a change in either that the change log did not explain is a deletion.
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
