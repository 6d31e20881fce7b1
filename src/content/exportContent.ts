import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'

import type { Article, Citation, Comment, Review, SiteSetting, User } from '../../payload-types'
import { fromStored } from '../references'
import { revisionHash } from './articleContent'
import {
  BACKUP_FORMAT,
  type History,
  HISTORY_FILE,
  PUBLISHED_DIR,
  type RecordedComment,
  type RecordedEvent,
  type RecordedRevision,
} from './history'
import { pagesById, refId } from './paging'
import { personProfile } from './importPlan'
import { siteSettingsSchema } from './schemas'
import { joinFrontMatter, toYaml } from './sourceText'

/** How many documents one read asks for. */
const PAGE = 200

export interface ExportReport {
  dir: string
  people: number
  references: number
  articles: number
  /** Articles whose live revision is followed by a newer draft (written to published/). */
  published: number
  events: number
}

/** A value as a content file says "none": absent. */
const present = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined && value !== ''
function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => present(v))) as Partial<T>
}

/**
 * Writes everything the platform holds that people wrote or the workflow recorded to `dir` as a
 * content folder with its `history.json` (see ./history): a backup that `npm run content:import`
 * restores into an empty database, field by field, and that a person can read. The folder is
 * written beside `dir` and renamed into place when complete, so a failed export leaves nothing
 * that looks like a backup; an existing `dir` is refused, never overwritten. Reads go a page at a
 * time. Derived data (published pages, kept renderings, the change log, sessions) and passwords
 * are not exported. Taken from a running platform, each article is read with its own events, so an
 * article and its trail agree; for one instant across the whole site, stop writers first.
 */
export async function exportContent(
  payload: Payload,
  req: PayloadRequest,
  dir: string,
  now = new Date(),
): Promise<ExportReport> {
  const target = path.resolve(dir)
  if (await fs.stat(target).catch(() => undefined)) {
    throw new Error(`${dir} exists already: export to a new folder (nothing was overwritten)`)
  }
  await fs.mkdir(path.dirname(target), { recursive: true })
  const staging = await fs.mkdtemp(`${target}.partial-`)
  try {
    const report = await writeBackup(payload, req, staging, now)
    await fs.rename(staging, target)
    return { ...report, dir: target }
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true })
    throw error
  }
}

async function writeBackup(
  payload: Payload,
  req: PayloadRequest,
  out: string,
  now: Date,
): Promise<Omit<ExportReport, 'dir'>> {
  const history: History = {
    format: BACKUP_FORMAT,
    exportedAt: now.toISOString(),
    people: {},
    references: {},
    articles: {},
  }

  const emails = new Map<string, string>()
  const people: Record<string, unknown>[] = []
  for await (const page of pagesById<User>({}, PAGE, (where) =>
    payload.find({ collection: 'users', where, sort: 'id', limit: PAGE, depth: 0, req }),
  )) {
    for (const user of page) {
      emails.set(String(user.id), user.email)
      people.push({ email: user.email, ...compact(personProfile(user)) })
      history.people[user.email] = { slug: user.slug ?? null, deactivated: !!user.deactivated }
    }
  }
  const emailOf = (ref: unknown): string | null => (present(ref) ? emails.get(refId(ref))! : null)

  const citations = new Map<string, Citation>()
  const references: unknown[] = []
  for await (const page of pagesById<Citation>({}, PAGE, (where) =>
    payload.find({ collection: 'citations', where, sort: 'id', limit: PAGE, depth: 0, req }),
  )) {
    for (const citation of page) {
      citations.set(String(citation.id), citation)
      references.push(fromStored(citation))
      history.references[citation.key] = {
        verified: !!citation.verified,
        verifiedBy: emailOf(citation.verifiedBy),
        verifiedAt: citation.verifiedAt ?? null,
      }
    }
  }

  await fs.mkdir(path.join(out, 'articles'))
  let published = 0
  let events = 0
  for await (const page of pagesById<Article>({}, PAGE, (where) =>
    payload.find({
      collection: 'articles',
      where,
      sort: 'id',
      limit: PAGE,
      draft: true,
      depth: 0,
      req,
    }),
  )) {
    const ids = page.map((a) => a.id)
    const live = new Map(
      (
        await payload.find({
          collection: 'articles',
          where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
          pagination: false,
          depth: 0,
          req,
        })
      ).docs.map((a) => [String(a.id), a]),
    )
    // Each article's comment log, oldest first; comments are named by their place in it.
    const notes = new Map<string, RecordedComment[]>()
    const placeOf = new Map<string, number>()
    for await (const notePage of pagesById<Comment>({ article: { in: ids } }, PAGE * 5, (where) =>
      payload.find({ collection: 'comments', where, sort: 'id', limit: PAGE * 5, depth: 0, req }),
    )) {
      for (const note of notePage) {
        const list = notes.get(refId(note.article)) ?? []
        placeOf.set(String(note.id), list.length)
        const anchor = note.anchor
        list.push({
          kind: note.kind,
          thread: note.thread ? (placeOf.get(refId(note.thread)) ?? null) : null,
          author: emailOf(note.author),
          authorName: note.authorName ?? null,
          body: note.body ?? null,
          at: note.at,
          anchor:
            note.kind === 'comment' && anchor && typeof anchor.exact === 'string'
              ? {
                  field: anchor.field ?? 'body',
                  exact: anchor.exact,
                  prefix: anchor.prefix ?? '',
                  suffix: anchor.suffix ?? '',
                  start: anchor.start ?? 0,
                  end: anchor.end ?? 0,
                }
              : null,
          contentHash: note.contentHash ?? null,
        })
        notes.set(refId(note.article), list)
      }
    }
    const trail = new Map<string, RecordedEvent[]>()
    for await (const eventPage of pagesById<Review>({ article: { in: ids } }, PAGE * 5, (where) =>
      payload.find({ collection: 'reviews', where, sort: 'id', limit: PAGE * 5, depth: 0, req }),
    )) {
      for (const event of eventPage) {
        const list = trail.get(refId(event.article)) ?? []
        list.push({
          type: event.type,
          actor: emailOf(event.actor),
          actorName: event.actorName ?? null,
          actorCredentials: event.actorCredentials ?? null,
          at: event.at,
          from: event.from ?? null,
          to: event.to ?? null,
          contentHash: event.contentHash ?? null,
          comment: event.comment ?? null,
          assignee: emailOf(event.assignee),
          ...(Array.isArray(event.references)
            ? { references: event.references as Record<string, unknown>[] }
            : {}),
          ...(Array.isArray(event.openComments) && {
            openComments: (event.openComments as unknown[]).flatMap((id) => {
              const place = placeOf.get(String(id))
              return place === undefined ? [] : [place]
            }),
          }),
        })
        trail.set(refId(event.article), list)
      }
    }

    for (const latest of page) {
      const liveDoc = live.get(String(latest.id))
      // Read as a draft, the latest revision is the live one unless a newer draft follows it.
      const newerDraft = liveDoc !== undefined && latest._status !== 'published'
      const revision = async (doc: Article, folder: string): Promise<RecordedRevision> => {
        const file = `${folder}/${doc.slug}.md`
        const cited = (doc.citations ?? []).map((c) => citations.get(refId(c))!)
        await fs.writeFile(path.join(out, file), articleFile(doc, emailOf, liveDoc === doc))
        return {
          file,
          hash: revisionHash({ ...doc, citations: cited }),
          citations: cited.map((c) => c.key),
          state: doc.state,
          reviewers: (doc.reviewers ?? []).map((r) => emailOf(r)!),
          reviewDue: doc.reviewDue ?? null,
          approval: {
            hash: doc.approval?.hash ?? null,
            approvedBy: emailOf(doc.approval?.approvedBy),
            approvedAt: doc.approval?.approvedAt ?? null,
          },
        }
      }
      if (newerDraft && published++ === 0) await fs.mkdir(path.join(out, PUBLISHED_DIR))
      const recordedEvents = trail.get(String(latest.id)) ?? []
      events += recordedEvents.length
      history.articles[latest.slug] = {
        live: liveDoc !== undefined,
        latest: await revision(newerDraft ? latest : (liveDoc ?? latest), 'articles'),
        ...(newerDraft && { published: await revision(liveDoc, PUBLISHED_DIR) }),
        events: recordedEvents,
        ...(notes.has(String(latest.id)) && { comments: notes.get(String(latest.id)) }),
      }
    }
  }

  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
  await fs.writeFile(path.join(out, 'people.json'), json(people))
  await fs.writeFile(path.join(out, 'references.json'), json(references))
  await fs.writeFile(path.join(out, 'site.yaml'), toYaml(settingsFile(settings)))
  await fs.writeFile(path.join(out, HISTORY_FILE), json(history))
  return {
    people: people.length,
    references: references.length,
    articles: Object.keys(history.articles).length,
    published,
    events,
  }
}

/**
 * One revision as an article file: its front matter (what people wrote, people by email) and its
 * body. A live revision also says who approved it and when, so the folder imports as approved
 * content elsewhere too.
 */
function articleFile(
  doc: Article,
  emailOf: (ref: unknown) => string | null,
  isLive: boolean,
): string {
  const approver = emailOf(doc.approval?.approvedBy)
  const frontMatter = compact({
    title: doc.title,
    slug: doc.slug,
    summary: doc.summary,
    topics: doc.topics?.length ? doc.topics : undefined,
    authors: (doc.authors ?? []).map((a) => emailOf(a)!),
    variants: doc.variants?.length
      ? doc.variants.map((v) =>
          compact({ audience: v.audience, title: v.title, summary: v.summary, body: v.body }),
        )
      : undefined,
    review:
      isLive && approver && doc.approval?.approvedAt
        ? { status: 'approved', reviewer: approver, date: doc.approval.approvedAt }
        : undefined,
  })
  return joinFrontMatter(frontMatter, doc.body)
}

/** The site settings as site.yaml holds them: every key its schema knows, nothing else. */
function settingsFile(settings: SiteSetting): Record<string, unknown> {
  const record = settings as unknown as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(siteSettingsSchema.shape)) {
    const value = record[key]
    const kept =
      typeof value === 'object' && value !== null
        ? compact(value as Record<string, unknown>)
        : value
    if (present(kept) && !(typeof kept === 'object' && !Object.keys(kept as object).length)) {
      out[key] = kept
    }
  }
  return out
}
