import type { Payload } from 'payload'

import type { Article, Review, SiteSetting, User } from '../../payload-types'
import { publishedApprovalProblem } from '../content/articleContent'
import { SHOWN_WHILE_PENDING, statesWhere } from '../workflow'
import type { ArticleRecord } from './viewModels'

/** An article the publisher would not render, and why. */
export interface Refusal {
  id: Article['id']
  slug: string
  reason: string
}

/** Everything a site build reads from the CMS. */
export interface SiteData {
  settings: SiteSetting
  records: ArticleRecord[]
  refused: Refusal[]
  board: User[]
}

/**
 * Reads the site's content with the system's authority (publishing is not a person's request):
 * every published article, verified against its approval; under the `pending-with-banner`
 * policy also the latest submitted or under-review revision of articles never approved; the
 * audit events of each; and the advisory board.
 */
export async function loadSiteData(payload: Payload): Promise<SiteData> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  const published = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    depth: 1,
    pagination: false,
    sort: 'slug',
  })
  const records: Omit<ArticleRecord, 'events'>[] = []
  const refused: Refusal[] = []
  for (const doc of published.docs) {
    const problem = publishedApprovalProblem(doc)
    if (problem) refused.push({ id: doc.id, slug: doc.slug, reason: problem.reason })
    else records.push({ doc, approved: true })
  }
  if (settings.publishPolicy === 'pending-with-banner') {
    const live = new Set(published.docs.map((d) => String(d.id)))
    const pending = await payload.find({
      collection: 'articles',
      where: { state: { in: statesWhere(SHOWN_WHILE_PENDING) } },
      draft: true,
      depth: 1,
      pagination: false,
      sort: 'slug',
    })
    for (const doc of pending.docs) {
      if (!live.has(String(doc.id))) records.push({ doc, approved: false })
    }
  }

  const events = new Map<string, Review[]>()
  if (records.length) {
    const found = await payload.find({
      collection: 'reviews',
      where: { article: { in: records.map((r) => r.doc.id) } },
      sort: 'at',
      depth: 0,
      pagination: false,
    })
    const idOf = (ref: unknown) =>
      String(typeof ref === 'object' && ref ? (ref as { id: unknown }).id : ref)
    const actorIds = [...new Set(found.docs.flatMap((e) => (e.actor ? [idOf(e.actor)] : [])))]
    const actors = new Map<string, User>()
    if (actorIds.length) {
      const users = await payload.find({
        collection: 'users',
        where: { id: { in: actorIds } },
        depth: 0,
        pagination: false,
      })
      for (const user of users.docs) actors.set(String(user.id), user)
    }
    for (const event of found.docs) {
      const articleId = idOf(event.article)
      const actor = event.actor ? (actors.get(idOf(event.actor)) ?? event.actor) : event.actor
      events.set(articleId, [...(events.get(articleId) ?? []), { ...event, actor }])
    }
  }
  const board = await payload.find({
    collection: 'users',
    where: { roles: { contains: 'reviewer' } },
    sort: 'name',
    depth: 0,
    pagination: false,
  })
  return {
    settings,
    records: records.map((r) => ({ ...r, events: events.get(String(r.doc.id)) ?? [] })),
    refused,
    board: board.docs,
  }
}
