import type { Payload, Where } from 'payload'

import type { Article, Citation, Review, User } from '../../payload-types'
import { chunks, pagesById, refId as idOf } from '../content/paging'
import { SHOWN_WHILE_PENDING, statesWhere } from '../workflow'
import { ById } from './byId'

export { chunks }

/**
 * Articles read per query. Two pages are in memory at a time (one renders, the next is read):
 * at 250 a full publish of 10 000 articles peaked at 1 085 MiB, at 100 at 978 MiB (PostgreSQL,
 * renderings kept), for a few more queries.
 */
export const PAGE_SIZE = 100

/** An article revision chosen for the site, with everything its pages show. */
export interface LoadedArticle {
  /** The revision (relationships as ids). */
  doc: Article
  /** True when `doc` is the approved, published revision; false for a pending one. */
  approved: boolean
  /** Its cited references, in its order (those that still exist). */
  citations: Citation[]
  /** Its authors, in order. */
  authors: User[]
  approver?: User
  /** The article's audit events, oldest first, with their actors. */
  events: (Review & { actorUser?: User })[]
}

const ARTICLE_FIELDS = {
  slug: true,
  title: true,
  summary: true,
  topics: true,
  body: true,
  variants: true,
  citations: true,
  authors: true,
  reviewers: true,
  state: true,
  _status: true,
  updatedAt: true,
  approval: true,
  reviewDue: true,
} as const

const PERSON_FIELDS = {
  name: true,
  slug: true,
  credentials: true,
  specialty: true,
  orcid: true,
  roles: true,
  bio: true,
  disclosures: true,
} as const

/**
 * Reads articles for the site in pages, with what their pages show: their cited references,
 * their people and their audit events, each related set read once per page (in chunks), and
 * references and people kept across pages.
 */
export class SiteReader {
  private readonly citations: ById<Citation>
  private readonly users: ById<User>

  constructor(private readonly payload: Payload) {
    this.citations = new ById((ids) =>
      payload
        .find({ collection: 'citations', where: { id: { in: ids } }, depth: 0, pagination: false })
        .then((r) => r.docs),
    )
    this.users = new ById((ids) =>
      payload
        .find({
          collection: 'users',
          where: { id: { in: ids } },
          depth: 0,
          pagination: false,
          select: PERSON_FIELDS,
        })
        .then((r) => r.docs as User[]),
    )
  }

  /** Every published (approved) revision, a page at a time, by id. */
  published(): AsyncGenerator<LoadedArticle[]> {
    return this.pages({ _status: { equals: 'published' } }, false)
  }

  /**
   * The latest submitted or under-review revision of every article that has no published
   * revision (what `pending-with-banner` shows), a page at a time.
   */
  pending(): AsyncGenerator<LoadedArticle[]> {
    return this.pages({ state: { in: statesWhere(SHOWN_WHILE_PENDING) } }, true)
  }

  /** The revisions of these articles that belong on the site (published, else pending). */
  async byIds(ids: readonly string[], withPending: boolean): Promise<LoadedArticle[]> {
    const loaded: LoadedArticle[] = []
    for (const chunk of chunks(ids)) {
      const published = await this.find({ _status: { equals: 'published' } }, false, chunk)
      loaded.push(...published)
      if (!withPending) continue
      const live = new Set(published.map((a) => String(a.doc.id)))
      const pendingIds = chunk.filter((id) => !live.has(id))
      if (pendingIds.length) {
        loaded.push(
          ...(await this.find(
            { state: { in: statesWhere(SHOWN_WHILE_PENDING) } },
            true,
            pendingIds,
          )),
        )
      }
    }
    return loaded
  }

  private async *pages(where: Where, draft: boolean): AsyncGenerator<LoadedArticle[]> {
    const read = (w: Where) =>
      this.payload
        .find({
          collection: 'articles',
          where: w,
          draft,
          sort: 'id',
          limit: PAGE_SIZE,
          pagination: false,
          depth: 0,
          select: ARTICLE_FIELDS,
        })
        .then(({ docs }) => ({ docs: docs as Article[] }))
    for await (const docs of pagesById(where, PAGE_SIZE, read)) {
      const page = draft ? await this.withoutPublished(docs) : docs
      if (page.length) yield await this.complete(page, !draft)
    }
  }

  private async find(where: Where, draft: boolean, ids: string[]): Promise<LoadedArticle[]> {
    const { docs } = await this.payload.find({
      collection: 'articles',
      where: { and: [where, { id: { in: ids } }] },
      draft,
      depth: 0,
      pagination: false,
      select: ARTICLE_FIELDS,
    })
    const page = draft ? await this.withoutPublished(docs as Article[]) : (docs as Article[])
    return page.length ? this.complete(page, !draft) : []
  }

  /** Pending revisions of articles that are not published (a published one shows instead). */
  private async withoutPublished(docs: Article[]): Promise<Article[]> {
    if (!docs.length) return docs
    const { docs: live } = await this.payload.find({
      collection: 'articles',
      where: {
        and: [{ id: { in: docs.map((d) => d.id) } }, { _status: { equals: 'published' } }],
      },
      depth: 0,
      pagination: false,
      select: { slug: true },
    })
    const published = new Set(live.map((d) => String(d.id)))
    return docs.filter((d) => !published.has(String(d.id)))
  }

  private async complete(docs: Article[], approved: boolean): Promise<LoadedArticle[]> {
    const events = new Map<string, Review[]>()
    for (const chunk of chunks(docs.map((d) => d.id))) {
      const { docs: found } = await this.payload.find({
        collection: 'reviews',
        where: { article: { in: chunk } },
        sort: 'at',
        depth: 0,
        pagination: false,
        select: {
          article: true,
          type: true,
          at: true,
          actor: true,
          comment: true,
          from: true,
          to: true,
          actorName: true,
          actorCredentials: true,
        },
      })
      for (const event of found as Review[]) {
        const id = idOf(event.article)
        events.set(id, [...(events.get(id) ?? []), event])
      }
    }
    await this.citations.load(docs.flatMap((d) => (d.citations ?? []).map(idOf)))
    await this.users.load([
      ...docs.flatMap((d) => [
        ...(d.authors ?? []).map(idOf),
        ...(d.approval?.approvedBy ? [idOf(d.approval.approvedBy)] : []),
      ]),
      ...[...events.values()].flat().flatMap((e) => (e.actor ? [idOf(e.actor)] : [])),
    ])
    return docs.map((doc) => ({
      doc,
      approved,
      citations: (doc.citations ?? []).flatMap((c) => this.citations.get(idOf(c)) ?? []),
      authors: (doc.authors ?? []).flatMap((a) => this.users.get(idOf(a)) ?? []),
      approver: doc.approval?.approvedBy
        ? this.users.get(idOf(doc.approval.approvedBy))
        : undefined,
      events: (events.get(String(doc.id)) ?? []).map((e) => ({
        ...e,
        actorUser: e.actor ? this.users.get(idOf(e.actor)) : undefined,
      })),
    }))
  }
}
