import { randomBytes } from 'node:crypto'

import { createLocalReq, type Payload } from 'payload'

import type { Article, Citation, Comment, Review, SiteSetting, User } from '../../payload-types'
import { canonicalReference, type CslItem } from '../references'
import { contentHash } from '../workflow'
import type { ArticleContent } from './articleContent'
import { describeRefusal } from './applyImport'
import { restoreEvent } from './auditTrail'
import { citationData } from './citationData'
import { type History, HISTORY_FILE, type RecordedRevision, RESTORE_CONTEXT } from './history'
import { type ArticleSource, type ContentBundle, ContentError } from './loadContentDir'
import type { ImportProblem } from './problems'
import { runInTransaction } from '../config/transactions'

export interface RestoreReport {
  people: number
  references: number
  articles: number
  events: number
}

type Backup = ContentBundle & { backup: NonNullable<ContentBundle['backup']> }

/** One article of a backup, its files matched with what the history recorded of it. */
interface RestoredArticle {
  slug: string
  latest: { source: ArticleSource; record: RecordedRevision }
  published?: { source: ArticleSource; record: RecordedRevision }
  live: boolean
  events: History['articles'][string]['events']
  comments: NonNullable<History['articles'][string]['comments']>
}

/**
 * Checks a backup against itself, without the database: every article file has its record and
 * every record its file; every person, reference and state the record names exists in the
 * folder; and each revision's content still hashes to what was recorded at export (a file edited
 * since would otherwise be restored as if the board had approved it). Every problem, by file.
 */
export function checkBackup(
  bundle: Backup,
): { ok: true; articles: RestoredArticle[] } | { ok: false; problems: ImportProblem[] } {
  const { history, published } = bundle.backup
  const problems: ImportProblem[] = []
  const people = new Set(bundle.people.map((p) => p.email))
  const references = new Map(bundle.references.map((r) => [r.id, canonicalReference(r)]))
  const problem = (file: string, message: string) => problems.push({ file, message })

  const person = (email: string | null, where: string) => {
    if (email !== null && !people.has(email)) {
      problem(HISTORY_FILE, `${where} names ${email}, who is not in people.json`)
    }
  }
  for (const email of Object.keys(history.people)) person(email, 'people')
  for (const [key, record] of Object.entries(history.references)) {
    if (!references.has(key)) problem(HISTORY_FILE, `reference "${key}" is not in references.json`)
    person(record.verifiedBy, `reference "${key}"`)
  }

  const bySlug = (sources: ArticleSource[]) => new Map(sources.map((s) => [s.slug, s]))
  const latestFiles = bySlug(bundle.articles)
  const publishedFiles = bySlug(published)
  const articles: RestoredArticle[] = []
  for (const [slug, record] of Object.entries(history.articles)) {
    const revision = (
      files: Map<string, ArticleSource>,
      recorded: RecordedRevision,
    ): { source: ArticleSource; record: RecordedRevision } | undefined => {
      const source = files.get(slug)
      if (!source) {
        problem(recorded.file, `missing: ${HISTORY_FILE} records article "${slug}" here`)
        return undefined
      }
      recorded.reviewers.forEach((r) => person(r, `article "${slug}"`))
      person(recorded.approval.approvedBy, `article "${slug}"`)
      const missing = recorded.citations.filter((key) => !references.has(key))
      if (missing.length) {
        problem(source.file, `cites ${missing.join(', ')}, not in references.json`)
        return undefined
      }
      const hash = contentHash(
        contentOf(
          source,
          recorded.citations.map((k) => references.get(k)!),
        ),
      )
      if (hash !== recorded.hash) {
        problem(
          source.file,
          'changed since it was exported (its content is not the revision the backup recorded): restore the backup as exported, then import the change as a new revision',
        )
        return undefined
      }
      return { source, record: recorded }
    }
    for (const event of record.events) {
      person(event.actor, `an event of "${slug}"`)
      person(event.assignee, `an event of "${slug}"`)
    }
    for (const comment of record.comments ?? []) person(comment.author, `a comment on "${slug}"`)
    const latest = revision(latestFiles, record.latest)
    const live = record.published && revision(publishedFiles, record.published)
    if (latest && (!record.published || live)) {
      articles.push({
        slug,
        latest,
        published: live,
        live: record.live,
        events: record.events,
        comments: record.comments ?? [],
      })
    }
  }
  for (const source of bundle.articles) {
    if (!history.articles[source.slug]) {
      problem(source.file, `not in ${HISTORY_FILE}: a backup restores only what it recorded`)
    }
  }
  for (const source of published) {
    if (!history.articles[source.slug]?.published) {
      problem(source.file, `not recorded as a live revision in ${HISTORY_FILE}`)
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, articles }
}

/** The reader-visible content of a revision file, with the references its record lists. */
function contentOf(source: ArticleSource, references: CslItem[]): ArticleContent {
  const fm = source.frontMatter
  return {
    title: fm.title,
    summary: fm.summary,
    body: source.body,
    variants: fm.variants ?? [],
    references,
  }
}

/**
 * Restores a backup (a content folder with history.json, from `npm run content:export`) into an
 * empty database: people (with new, unknown passwords), references with who verified them, the
 * site settings, every article as its latest revision and, when a newer draft follows it, its
 * live revision first, with the workflow's record as it was, and the audit trail event by event.
 * All in one transaction; a database that holds anything already is refused, so a restore never
 * mixes with other content. Problems (in the folder, or a non-empty database) throw a
 * ContentError before anything is written.
 */
export async function restoreContent(payload: Payload, bundle: Backup): Promise<RestoreReport> {
  const checked = checkBackup(bundle)
  if (!checked.ok) throw new ContentError(checked.problems)
  const req = await createLocalReq({ context: { ...RESTORE_CONTEXT } }, payload)
  const held = await Promise.all(
    (['users', 'articles', 'citations', 'reviews', 'comments'] as const).map(
      async (collection) =>
        [collection, (await payload.count({ collection, req })).totalDocs] as const,
    ),
  )
  const nonEmpty = held.filter(([, count]) => count > 0)
  if (nonEmpty.length) {
    throw new ContentError([
      {
        file: HISTORY_FILE,
        message: `this folder is a backup: it restores into an empty database only, and this one holds ${nonEmpty
          .map(([c, n]) => `${n} ${c}`)
          .join(
            ', ',
          )}. Point DATABASE_URL at a new database (e.g. file:./restored.db) and run it again; to import its articles as new content instead, use a copy of the folder without ${HISTORY_FILE}`,
      },
    ])
  }

  const { history } = bundle.backup
  let current = HISTORY_FILE
  let events = 0
  try {
    await runInTransaction(req, async () => {
      const users = new Map<string, User['id']>()
      for (const person of bundle.people) {
        current = `people.json (${person.email})`
        const recorded = history.people[person.email]
        const user = await req.payload.create({
          collection: 'users',
          data: {
            ...person,
            slug: recorded?.slug ?? undefined,
            deactivated: recorded?.deactivated ?? false,
            // Nobody knows this password: people set one through "forgot password".
            password: randomBytes(32).toString('base64url'),
          } as User & { password: string },
          depth: 0,
          req,
        })
        users.set(person.email, user.id)
      }
      const user = (email: string | null) => (email === null ? null : users.get(email)!)

      const citations = new Map<string, Citation['id']>()
      for (const item of bundle.references) {
        current = `references.json (${item.id})`
        const verification = history.references[item.id]
        const citation = await req.payload.create({
          collection: 'citations',
          data: {
            ...citationData(item),
            verified: verification?.verified ?? false,
            verifiedBy: user(verification?.verifiedBy ?? null),
            verifiedAt: verification?.verifiedAt ?? null,
          },
          depth: 0,
          req,
        })
        citations.set(item.id, citation.id)
      }

      if (bundle.settings) {
        current = 'site.yaml'
        await req.payload.updateGlobal({
          slug: 'site-settings',
          data: bundle.settings as Partial<SiteSetting>,
          depth: 0,
          req,
        })
      }

      for (const article of checked.articles) {
        current = article.latest.source.file
        const data = ({ source, record }: NonNullable<RestoredArticle['published']>) => ({
          ...articleData(source),
          citations: record.citations.map((key) => citations.get(key)!),
          authors: source.frontMatter.authors.map((email) => user(email)!),
          state: record.state,
          reviewers: record.reviewers.map((email) => user(email)!),
          reviewDue: record.reviewDue,
          approval: {
            hash: record.approval.hash,
            approvedBy: user(record.approval.approvedBy),
            approvedAt: record.approval.approvedAt,
          },
        })
        const first = article.published ?? article.latest
        const liveFirst = article.live
        const created = await req.payload.create({
          collection: 'articles',
          data: { ...data(first), _status: liveFirst ? 'published' : 'draft' },
          draft: !liveFirst,
          depth: 0,
          req,
        })
        if (article.published) {
          await req.payload.update({
            collection: 'articles',
            id: created.id,
            data: { ...data(article.latest), _status: 'draft' },
            draft: true,
            depth: 0,
            req,
          })
        }
        const comments: Comment['id'][] = []
        for (const comment of article.comments) {
          const stored = await req.payload.create({
            collection: 'comments',
            depth: 0,
            req,
            data: {
              ...comment,
              article: created.id,
              thread: comment.thread === null ? null : comments[comment.thread],
              author: user(comment.author),
              anchor: comment.anchor ?? undefined,
            },
          })
          comments.push(stored.id)
        }
        for (const { openComments, ...event } of article.events) {
          await restoreEvent(req, created.id as Review['article'], {
            ...event,
            actor: user(event.actor),
            assignee: user(event.assignee),
            ...(openComments && { openComments: openComments.map((i) => String(comments[i])) }),
          })
          events++
        }
      }
    })
  } catch (error) {
    if (error instanceof ContentError) throw error
    throw new ContentError([
      { file: current, message: `the CMS refused it: ${describeRefusal(error)}` },
    ])
  }
  return {
    people: bundle.people.length,
    references: bundle.references.length,
    articles: checked.articles.length,
    events,
  }
}

/** The article fields a revision file holds. */
function articleData(
  source: ArticleSource,
): Pick<Article, 'title' | 'slug' | 'summary' | 'topics' | 'body' | 'variants'> {
  const fm = source.frontMatter
  return {
    title: fm.title,
    slug: source.slug,
    summary: fm.summary ?? null,
    topics: fm.topics ?? [],
    body: source.body,
    variants: (fm.variants ?? []).map(({ audience, title, summary, body }) => ({
      audience,
      title: title ?? null,
      summary: summary ?? null,
      body,
    })),
  }
}
