import { randomBytes } from 'node:crypto'

import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Citation, SiteSetting, User } from '../../payload-types'
import { actorProfile, type ActorProfile, appendEvent, eventRecord } from './auditTrail'
import { createInBulk } from './bulkCreate'
import { runInTransaction } from '../config/transactions'
import { citationData } from './citationData'
import type { Action, ImportPlan, PlannedArticle } from './importPlan'
import { ContentError } from './loadContentDir'
import { recordSiteChange } from './siteChanges'

export interface ImportCounts {
  created: number
  updated: number
  unchanged: number
}

export interface ImportReport {
  people: ImportCounts
  references: ImportCounts
  articles: ImportCounts
  settings: 'created' | 'updated' | 'unchanged' | 'absent'
  /** Content problems that did not stop the import (e.g. raw HTML that publishing will drop). */
  warnings: ImportPlan['warnings']
}

/** Tells the article hooks that this write is the importer acting as the workflow. */
export const IMPORT_CONTEXT = { workflow: 'import' } as const

const PAST = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  absent: 'absent',
} as const

/** How many of each action a plan holds: what an import did, or what a dry run would do. */
export function countPlan(plan: ImportPlan): ImportReport {
  const count = (items: { action: Action }[]): ImportCounts => ({
    created: items.filter((i) => i.action === 'create').length,
    updated: items.filter((i) => i.action === 'update').length,
    unchanged: items.filter((i) => i.action === 'unchanged').length,
  })
  return {
    people: count(plan.people),
    references: count(plan.references),
    articles: count(plan.articles),
    settings: PAST[plan.settings.action],
    warnings: plan.warnings,
  }
}

export interface ApplyOptions {
  /**
   * Create new references and articles through the database adapter (`createInBulk`), not
   * Payload's create (default true). Both store the same documents; the Local API path runs
   * every hook and validation again, at several times the cost. Updates always take it.
   */
  bulk?: boolean
}

/**
 * Writes a plan in one transaction: people, references, settings, then articles with their
 * workflow state and `import` event. If the CMS refuses any write, everything is rolled back and
 * a ContentError names the file whose write failed.
 */
export async function applyImport(
  payload: Payload,
  plan: ImportPlan,
  { bulk = true }: ApplyOptions = {},
): Promise<ImportReport> {
  const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
  let current = 'the content folder'
  try {
    await runInTransaction(req, async () => {
      const userIds = new Map(plan.ids.users as Map<string, User['id']>)
      for (const person of plan.people) {
        current = `people.json (${person.email})`
        userIds.set(person.email, await writePerson(req, person))
      }
      const citationIds = new Map(plan.ids.citations as Map<string, Citation['id']>)
      for (const reference of plan.references) {
        current = `references.json (${reference.key})`
        const data = citationData(reference.item)
        if (reference.action === 'create' && !bulk) {
          citationIds.set(
            reference.key,
            (await req.payload.create({ collection: 'citations', data, depth: 0, req })).id,
          )
        } else if (reference.action === 'create') {
          citationIds.set(
            reference.key,
            (await createInBulk(req, 'citations', data)).id as Citation['id'],
          )
        } else {
          if (reference.action === 'update') {
            await req.payload.update({
              collection: 'citations',
              id: reference.id!,
              data,
              depth: 0,
              req,
            })
          }
          citationIds.set(reference.key, reference.id as Citation['id'])
        }
      }
      if (plan.settings.action === 'create' || plan.settings.action === 'update') {
        current = 'site.yaml'
        await req.payload.updateGlobal({
          slug: 'site-settings',
          data: plan.settings.data as Partial<SiteSetting>,
          req,
        })
      }
      const profiles = new Map<string, ActorProfile>()
      for (const article of plan.articles) {
        if (article.action === 'unchanged') continue
        current = article.file
        if (article.action === 'create' && bulk) {
          await createArticleInBulk(req, article, userIds, citationIds, profiles)
        } else {
          await writeArticle(req, article, userIds, citationIds)
        }
      }
    })
  } catch (error) {
    if (error instanceof ContentError) throw error
    throw new ContentError([
      { file: current, message: `the CMS refused it: ${describeRefusal(error)}` },
    ])
  }
  return countPlan(plan)
}

async function writePerson(req: PayloadRequest, person: ImportPlan['people'][number]) {
  if (person.action === 'create') {
    // Nobody knows this password: the person signs in after setting one through "forgot password".
    const password = randomBytes(32).toString('base64url')
    const user = await req.payload.create({
      collection: 'users',
      data: { ...(person.profile as Partial<User>), email: person.email, password } as User & {
        password: string
      },
      req,
    })
    return user.id
  }
  if (person.action === 'update') {
    await req.payload.update({
      collection: 'users',
      id: person.id!,
      data: person.profile as Partial<User>,
      req,
    })
  }
  return person.id as User['id']
}

/** An article's fields as the plan decided them: its content, people and workflow state. */
function articleData(
  article: PlannedArticle,
  userIds: ReadonlyMap<string, User['id']>,
  citationIds: ReadonlyMap<string, Citation['id']>,
) {
  const { content, decision } = article
  const user = (email: string) => userIds.get(email)!
  return {
    title: content.title,
    slug: article.slug,
    summary: content.summary ?? null,
    topics: article.topics,
    body: content.body,
    variants: (content.variants ?? []).map(({ audience, title, summary, body }) => ({
      audience: audience as 'patient' | 'student',
      title: title ?? null,
      summary: summary ?? null,
      body,
    })),
    citations: article.citedKeys.map((k) => citationIds.get(k)!),
    authors: article.authorEmails.map(user),
    state: decision.to,
    ...(decision.publish
      ? {
          _status: 'published' as const,
          reviewers: [user(article.reviewerEmail!)],
          reviewDue: decision.publish.reviewDue.toISOString(),
          approval: {
            hash: decision.publish.approvedHash,
            approvedBy: user(article.reviewerEmail!),
            approvedAt: decision.publish.approvedAt.toISOString(),
          },
        }
      : { _status: 'draft' as const }),
  }
}

/** The actor of an article's import event, by id (the decision named people by email). */
const eventActor = (article: PlannedArticle, userIds: ReadonlyMap<string, User['id']>) =>
  userIds.get(String(article.decision.event.actorId)) ?? article.decision.event.actorId

/** Writes an article through the Local API, with every hook and validation. */
async function writeArticle(
  req: PayloadRequest,
  article: PlannedArticle,
  userIds: ReadonlyMap<string, User['id']>,
  citationIds: ReadonlyMap<string, Citation['id']>,
): Promise<void> {
  const { content, decision } = article
  const data = articleData(article, userIds, citationIds)
  const draft = !decision.publish
  const saved =
    article.action === 'update'
      ? await req.payload.update({
          collection: 'articles',
          id: article.id!,
          data,
          draft,
          depth: 0,
          req,
        })
      : await req.payload.create({ collection: 'articles', data, draft, depth: 0, req })
  await appendEvent(
    req,
    saved.id,
    { ...decision.event, actorId: eventActor(article, userIds) },
    { references: content.references },
  )
}

/**
 * Creates a new article as Payload's create would store it, through the adapter: the document,
 * its first version (the latest; published when the import approved it), its `import` event
 * (`eventRecord`, with the actor's profile as it is now) and its change log row.
 */
async function createArticleInBulk(
  req: PayloadRequest,
  article: PlannedArticle,
  userIds: ReadonlyMap<string, User['id']>,
  citationIds: ReadonlyMap<string, Citation['id']>,
  profiles: Map<string, ActorProfile>,
): Promise<void> {
  const at = new Date().toISOString()
  const base = articleData(article, userIds, citationIds)
  const { id, data } = await createInBulk(req, 'articles', base, at)
  await req.payload.db.createVersion({
    collectionSlug: 'articles',
    parent: id,
    versionData: { ...data, id, createdAt: at, updatedAt: at },
    autosave: false,
    createdAt: at,
    updatedAt: at,
    req,
    returning: false,
  } as Parameters<Payload['db']['createVersion']>[0])
  const actorId = eventActor(article, userIds)
  const key = String(actorId)
  if (!profiles.has(key)) profiles.set(key, await actorProfile(req, actorId))
  const event = eventRecord({ ...article.decision.event, actorId }, profiles.get(key)!, {
    references: article.content.references,
  })
  await createInBulk(req, 'reviews', { ...event, article: id }, at)
  await recordSiteChange(req, 'article', id)
}

/** A write error in words: a validation error lists each field and what is wrong with it. */
export function describeRefusal(error: unknown): string {
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
    ?.errors
  // By shape: Payload's error classes may come from more than one module copy (tests, bundles).
  if (Array.isArray(fields) && fields.length) {
    return fields.map((f) => `${f.path}: ${f.message}`).join('; ')
  }
  return (error as Error).message
}
