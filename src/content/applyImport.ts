import { randomBytes } from 'node:crypto'

import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Citation, SiteSetting, User } from '../../payload-types'
import { appendEvent } from './auditTrail'
import { runInTransaction } from '../config/transactions'
import { citationData } from './citationData'
import type { Action, ImportPlan, PlannedArticle } from './importPlan'
import { ContentError } from './loadContentDir'

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

/**
 * Writes a plan in one transaction: people, references, settings, then articles with their
 * workflow state and `import` event. If the CMS refuses any write, everything is rolled back and
 * a ContentError names the file whose write failed.
 */
export async function applyImport(payload: Payload, plan: ImportPlan): Promise<ImportReport> {
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
        if (reference.action === 'create') {
          citationIds.set(
            reference.key,
            (await req.payload.create({ collection: 'citations', data, depth: 0, req })).id,
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
      for (const article of plan.articles) {
        if (article.action === 'unchanged') continue
        current = article.file
        await writeArticle(req, article, userIds, citationIds)
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

async function writeArticle(
  req: PayloadRequest,
  article: PlannedArticle,
  userIds: ReadonlyMap<string, User['id']>,
  citationIds: ReadonlyMap<string, Citation['id']>,
): Promise<void> {
  const { content, decision } = article
  const user = (email: string) => userIds.get(email)!
  const data = {
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
  // The decision named people by email (this import may have created them).
  const actorId = userIds.get(String(decision.event.actorId)) ?? decision.event.actorId
  await appendEvent(
    req,
    saved.id,
    { ...decision.event, actorId },
    { references: content.references },
  )
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
