import { randomBytes } from 'node:crypto'

import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Article, Citation, SiteSetting, User } from '../../payload-types'
import { runInTransaction } from '../config/transactions'
import { createMarkdownProcessor, toProblems } from '../markdown'
import { canonicalReference, type CslItem, fromStored, sameReference } from '../references'
import { addMonths, contentHash, REVIEW_INTERVAL_MONTHS, type WorkflowState } from '../workflow'
import { type ArticleContent, storedArticleContent } from './articleContent'
import { citationData } from './citationData'
import { type ArticleSource, type ContentBundle, ContentError } from './loadContentDir'
import type { ImportProblem } from './problems'
import type { Person } from './schemas'

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
  warnings: ImportProblem[]
}

/** Tells the article hooks that this write is the importer acting as the workflow. */
export const IMPORT_CONTEXT = { workflow: 'import' } as const

const lower = (email: string) => email.trim().toLowerCase()
const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 })

/** An article, resolved against the people and references it names, ready to write. */
interface PlannedArticle {
  source: ArticleSource
  content: ArticleContent
  hash: string
  citedKeys: string[]
  authorEmails: string[]
  reviewerEmail?: string
}

/**
 * Imports a validated content folder into the CMS: people by email, references by key, articles
 * by slug. Every name in the files is resolved first (authors and reviewers must exist in the
 * database or people.json, every `[@key]` in the database or references.json); any problem throws
 * a ContentError before anything is written. The writes then run in one transaction, so a failure
 * part-way leaves the database as it was. Importing the same folder twice changes nothing.
 */
export async function importContent(
  payload: Payload,
  bundle: ContentBundle,
): Promise<ImportReport> {
  const problems: ImportProblem[] = []
  const warnings: ImportProblem[] = []
  const peopleByEmail = new Map(bundle.people.map((p) => [lower(p.email), p]))

  // Resolve people: everyone the files name, from people.json or the database.
  const emails = new Set<string>(peopleByEmail.keys())
  for (const a of bundle.articles) {
    a.frontMatter.authors.forEach((e) => emails.add(lower(e)))
    if (a.frontMatter.review) emails.add(lower(a.frontMatter.review.reviewer))
  }
  const existingUsers = new Map<string, User>()
  if (emails.size) {
    const found = await payload.find({
      collection: 'users',
      where: { email: { in: [...emails] } },
      pagination: false,
      depth: 0,
    })
    for (const user of found.docs) existingUsers.set(lower(user.email), user)
  }
  const rolesOf = (email: string): readonly string[] =>
    peopleByEmail.get(email)?.roles ?? existingUsers.get(email)?.roles ?? []
  const known = (email: string) => peopleByEmail.has(email) || existingUsers.has(email)

  // Resolve references: the files' own, then the database's for keys the files do not define.
  // Both as storage gives them back, so the hash planned here is the one publishing computes.
  const existingCitations = new Map<string, Citation>()
  const allCitations = await payload.find({ collection: 'citations', pagination: false, depth: 0 })
  for (const c of allCitations.docs) existingCitations.set(c.key, c)
  const available = new Map<string, CslItem>()
  for (const [key, c] of existingCitations) available.set(key, fromStored(c))
  for (const item of bundle.references) available.set(item.id, canonicalReference(item))
  const references = [...available.values()]

  const markdown = createMarkdownProcessor()
  const planned: PlannedArticle[] = []
  for (const source of bundle.articles) {
    const { frontMatter: fm, file, locate } = source
    const before = problems.length

    const authorEmails = fm.authors.map(lower)
    fm.authors.forEach((email, i) => {
      if (!known(lower(email))) {
        problems.push({
          file,
          ...locate(['authors', i]),
          message: `unknown author ${email}: add them to people.json or create the user first`,
        })
      }
    })
    let reviewerEmail: string | undefined
    if (fm.review) {
      reviewerEmail = lower(fm.review.reviewer)
      const at = locate(['review', 'reviewer'])
      if (!known(reviewerEmail)) {
        problems.push({
          file,
          ...at,
          message: `unknown reviewer ${fm.review.reviewer}: add them to people.json or create the user first`,
        })
      } else if (!rolesOf(reviewerEmail).includes('reviewer')) {
        problems.push({
          file,
          ...at,
          message: `${fm.review.reviewer} approved this article but does not have the reviewer role`,
        })
      }
      if (authorEmails.includes(reviewerEmail)) {
        problems.push({
          file,
          ...at,
          message: `${fm.review.reviewer} is an author of this article and cannot be its approving reviewer`,
        })
      }
    }

    // Every [@key] must resolve; other Markdown errors would make the page wrong too.
    const documents = [
      { markdown: source.body, firstLine: source.bodyLine },
      ...(fm.variants ?? []).map((v, i) => ({
        markdown: v.body,
        // A block scalar's text starts on the line after `body: |`.
        firstLine: (locate(['variants', i, 'body'])?.line ?? 1) + 1,
      })),
    ]
    const citedKeys: string[] = []
    for (const doc of documents) {
      const result = markdown.render({ markdown: doc.markdown, references, path: file })
      for (const ref of result.references) if (!citedKeys.includes(ref.key)) citedKeys.push(ref.key)
      for (const p of toProblems(result.messages)) {
        if (p.ruleId === 'citation-unused') continue // every known reference is offered; most go unused
        const problem: ImportProblem = {
          file,
          line: p.line ? doc.firstLine + p.line - 1 : undefined,
          column: p.column,
          message: p.message,
        }
        if (p.severity === 'error') problems.push(problem)
        else warnings.push(problem)
      }
    }
    if (citedKeys.length === 0 && problems.length === before) {
      problems.push({
        file,
        line: source.bodyLine,
        message: 'the article cites no references: cite at least one as [@key]',
      })
    }
    if (problems.length > before) continue

    const content: ArticleContent = {
      title: fm.title,
      summary: fm.summary,
      body: source.body,
      variants: (fm.variants ?? []).map(({ audience, title, summary, body }) => ({
        audience,
        title,
        summary,
        body,
      })),
      references: citedKeys.map((k) => available.get(k)!),
    }
    planned.push({
      source,
      content,
      hash: contentHash(content),
      citedKeys,
      authorEmails,
      reviewerEmail,
    })
  }
  if (problems.length) throw new ContentError(problems)

  const report: ImportReport = {
    people: counts(),
    references: counts(),
    articles: counts(),
    settings: 'absent',
    warnings,
  }
  const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
  let current = bundle.dir
  try {
    await runInTransaction(req, async () => {
      const userIds = new Map<string, User['id']>()
      for (const [email, user] of existingUsers) userIds.set(email, user.id)
      for (const person of bundle.people) {
        current = `people.json (${person.email})`
        const id = await upsertPerson(
          req,
          person,
          existingUsers.get(lower(person.email)),
          report.people,
        )
        userIds.set(lower(person.email), id)
      }

      const citationIds = new Map<string, Citation['id']>()
      for (const [key, c] of existingCitations) citationIds.set(key, c.id)
      for (const item of bundle.references) {
        current = `references.json (${item.id})`
        const id = await upsertReference(
          req,
          item,
          existingCitations.get(item.id),
          report.references,
        )
        citationIds.set(item.id, id)
      }

      let intervalMonths = bundle.settings?.reviewIntervalMonths
      if (bundle.settings) {
        current = 'site.yaml'
        report.settings = await applySettings(req, bundle.settings)
      }
      intervalMonths ??=
        (await req.payload.findGlobal({ slug: 'site-settings', req, depth: 0 }))
          .reviewIntervalMonths ?? REVIEW_INTERVAL_MONTHS.default

      for (const plan of planned) {
        current = plan.source.file
        await upsertArticle(req, plan, {
          authors: plan.authorEmails.map((e) => userIds.get(e)!),
          citations: plan.citedKeys.map((k) => citationIds.get(k)!),
          reviewer: plan.reviewerEmail ? userIds.get(plan.reviewerEmail) : undefined,
          intervalMonths,
          counts: report.articles,
        })
      }
    })
  } catch (error) {
    if (error instanceof ContentError) throw error
    throw new ContentError([
      { file: current, message: `the CMS refused it: ${describeRefusal(error)}` },
    ])
  }
  return report
}

/** A write error in words: a validation error lists each field and what is wrong with it. */
function describeRefusal(error: unknown): string {
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
    ?.errors
  // By shape: Payload's error classes may come from more than one module copy (tests, bundles).
  if (Array.isArray(fields) && fields.length) {
    return fields.map((f) => `${f.path}: ${f.message}`).join('; ')
  }
  return (error as Error).message
}

async function upsertPerson(
  req: PayloadRequest,
  person: Person,
  existing: User | undefined,
  tally: ImportCounts,
): Promise<User['id']> {
  const profile = {
    name: person.name,
    roles: person.roles,
    credentials: person.credentials ?? null,
    specialty: person.specialty ?? null,
    bio: person.bio ?? null,
    disclosures: person.disclosures ?? null,
    orcid: person.orcid ?? null,
  }
  if (!existing) {
    // Nobody knows this password: the person signs in after setting one through "forgot password".
    const password = randomBytes(32).toString('base64url')
    const user = await req.payload.create({
      collection: 'users',
      data: { ...profile, email: lower(person.email), password },
      req,
    })
    tally.created++
    return user.id
  }
  const same = (Object.keys(profile) as (keyof typeof profile)[]).every(
    (k) => JSON.stringify(existing[k] ?? null) === JSON.stringify(profile[k]),
  )
  if (same) tally.unchanged++
  else {
    await req.payload.update({ collection: 'users', id: existing.id, data: profile, req })
    tally.updated++
  }
  return existing.id
}

async function upsertReference(
  req: PayloadRequest,
  item: CslItem,
  existing: Citation | undefined,
  tally: ImportCounts,
): Promise<Citation['id']> {
  const data = citationData(item)
  if (!existing) {
    const created = await req.payload.create({ collection: 'citations', data, req })
    tally.created++
    return created.id
  }
  if (sameReference(fromStored(existing), canonicalReference(item))) {
    tally.unchanged++
  } else {
    await req.payload.update({ collection: 'citations', id: existing.id, data, req })
    tally.updated++
  }
  return existing.id
}

async function applySettings(
  req: PayloadRequest,
  settings: NonNullable<ContentBundle['settings']>,
): Promise<ImportReport['settings']> {
  const current = await req.payload.findGlobal({ slug: 'site-settings', req, depth: 0 })
  const { followUp, ...rest } = settings
  const data: Partial<SiteSetting> = { ...rest }
  if (followUp) data.followUp = { ...current.followUp, ...followUp }
  const changed = (Object.keys(data) as (keyof SiteSetting)[]).some(
    (k) => JSON.stringify(current[k] ?? null) !== JSON.stringify(data[k] ?? null),
  )
  if (!changed) return 'unchanged'
  const wasEmpty = !current.disclaimer && !current.editorialPolicy
  await req.payload.updateGlobal({ slug: 'site-settings', data, req })
  return wasEmpty ? 'created' : 'updated'
}

const sameIds = (a: readonly unknown[] | null | undefined, b: readonly unknown[]) =>
  JSON.stringify(
    (a ?? []).map((x) => (typeof x === 'object' && x ? (x as { id: unknown }).id : x)),
  ) === JSON.stringify(b)

async function upsertArticle(
  req: PayloadRequest,
  plan: PlannedArticle,
  resolved: {
    authors: User['id'][]
    citations: Citation['id'][]
    reviewer?: User['id']
    intervalMonths: number
    counts: ImportCounts
  },
): Promise<void> {
  const { source, content, hash } = plan
  const { frontMatter: fm } = source
  const found = await req.payload.find({
    collection: 'articles',
    where: { slug: { equals: source.slug } },
    draft: true,
    depth: 1,
    limit: 1,
    req,
  })
  const existing: Article | undefined = found.docs[0]
  const review = fm.review
  const to: WorkflowState = review ? 'approved' : 'draft'
  const data = {
    title: content.title,
    slug: source.slug,
    summary: content.summary ?? null,
    topics: fm.topics ?? [],
    body: content.body,
    variants: (fm.variants ?? []).map(({ audience, title, summary, body }) => ({
      audience,
      title: title ?? null,
      summary: summary ?? null,
      body,
    })),
    citations: resolved.citations,
    authors: resolved.authors,
  }

  if (existing) {
    const sameContent = contentHash(storedArticleContent(existing)) === hash
    const sameMeta =
      JSON.stringify(existing.topics ?? []) === JSON.stringify(data.topics) &&
      sameIds(existing.authors, resolved.authors) &&
      sameIds(existing.citations, resolved.citations)
    const sameReview = review
      ? existing.state === 'approved' && existing.approval?.hash === hash
      : true
    if (sameContent && sameMeta && sameReview) {
      resolved.counts.unchanged++
      return
    }
  }

  const approval = review && {
    _status: 'published' as const,
    state: 'approved' as const,
    reviewers: [resolved.reviewer!],
    reviewDue: addMonths(review.date, resolved.intervalMonths).toISOString(),
    approval: { hash, approvedBy: resolved.reviewer!, approvedAt: review.date.toISOString() },
  }
  const draft = { _status: 'draft' as const, state: 'draft' as const }
  const saved = existing
    ? await req.payload.update({
        collection: 'articles',
        id: existing.id,
        data: { ...data, ...(approval || draft) },
        draft: !approval,
        req,
      })
    : await req.payload.create({
        collection: 'articles',
        data: { ...data, ...(approval || draft) },
        draft: !approval,
        req,
      })
  resolved.counts[existing ? 'updated' : 'created']++

  await req.payload.create({
    collection: 'reviews',
    data: {
      article: saved.id,
      type: 'import',
      actor: review ? resolved.reviewer : null,
      at: (review?.date ?? new Date()).toISOString(),
      from: existing?.state ?? null,
      to,
      contentHash: hash,
      comment: review?.comment ?? `Imported from ${source.file}`,
    },
    req,
  })
}
