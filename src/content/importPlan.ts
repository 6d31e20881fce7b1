import { canonicalReference, type CslItem, sameReference, sameWork } from '../references'
import {
  type Actor,
  type ArticleFacts,
  type ContentProblem,
  contentHash,
  decideImport,
  type Id,
  type ImportDecision,
  REVIEW_INTERVAL_MONTHS,
  type Role,
} from '../workflow'
import type { ArticleContent } from './articleContent'
import { variantField } from './articleChecks'
import type { ArticleSource, ContentBundle } from './loadContentDir'
import type { ImportProblem } from './problems'
import type { Person, SiteSettingsInput } from './schemas'

/**
 * What the database already holds of what a content folder names (and nothing else): the people
 * by email, the references by key, the articles by slug, and the site settings.
 */
export interface ExistingContent {
  users: ReadonlyMap<string, ExistingUser>
  references: ReadonlyMap<string, { id: Id; item: CslItem }>
  articles: ReadonlyMap<string, ExistingArticle>
  settings: Readonly<Record<string, unknown>>
}

export interface ExistingUser {
  id: Id
  roles: readonly Role[]
  profile: Readonly<Record<keyof PersonProfile, unknown>>
}

export interface ExistingArticle {
  id: Id
  /** The latest revision as the workflow sees it, and the hash of its approval, if any. */
  facts: ArticleFacts & { approvedHash?: string | null }
  topics: readonly string[]
  authorIds: readonly Id[]
  citationKeys: readonly string[]
}

/** What the Markdown checks (run in the render pool) found in one article file. */
export interface ArticleCheck {
  /** The keys it cites, in order of first citation (main body first). */
  citedKeys: string[]
  /** Every problem, each with the field it is in ('body', 'Patient or caregiver version', …). */
  problems: ContentProblem[]
}

export type Action = 'create' | 'update' | 'unchanged'

/** A person's public profile as people.json gives it. */
export type PersonProfile = Omit<Person, 'email'>

export interface PlannedPerson {
  action: Action
  email: string
  profile: Record<keyof PersonProfile, unknown>
  id?: Id
}

export interface PlannedReference {
  action: Action
  key: string
  /** As storage will give it back (`canonicalReference`). */
  item: CslItem
  id?: Id
}

export interface PlannedArticle {
  action: Action
  file: string
  slug: string
  id?: Id
  content: ArticleContent
  topics: string[]
  authorEmails: string[]
  citedKeys: string[]
  reviewerEmail?: string
  /** The workflow's decision: the state, the event, the approval record when reviewed. */
  decision: Extract<ImportDecision, { ok: true }>
}

export interface ImportPlan {
  people: PlannedPerson[]
  references: PlannedReference[]
  settings:
    | { action: 'absent' | 'unchanged' }
    | { action: 'create' | 'update'; data: Record<string, unknown> }
  articles: PlannedArticle[]
  /** Content problems that do not stop the import (raw HTML that publishing will drop, …). */
  warnings: ImportProblem[]
  /** Ids of the existing people (by email) and references (by key) the articles name. */
  ids: { users: Map<string, Id>; citations: Map<string, Id> }
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; problems: ImportProblem[] }

const lower = (email: string) => email.trim().toLowerCase()
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * A person's public profile, from people.json or from the database, with "none" as null (as the
 * database says it): the one form the importer compares.
 */
export function personProfile(person: {
  [K in keyof PersonProfile]?: PersonProfile[K] | null
}): Record<keyof PersonProfile, unknown> {
  return {
    name: person.name,
    roles: person.roles,
    credentials: person.credentials ?? null,
    specialty: person.specialty ?? null,
    bio: person.bio ?? null,
    disclosures: person.disclosures ?? null,
    orcid: person.orcid ?? null,
  }
}

/**
 * What importing `bundle` over `existing` would change, decided without touching the database:
 * people by email, references by key, articles by slug, each created, updated or unchanged. Every
 * name the files use must resolve (authors and reviewers in people.json or the database, every
 * `[@key]` in references.json or the database); each article's state and approval are the
 * workflow's `decideImport`. Any problem, positioned at its file and line, means no plan: the
 * import must not start. The plan is also what a dry run prints.
 */
export function planImport(
  bundle: ContentBundle,
  existing: ExistingContent,
  checks: ReadonlyMap<string, ArticleCheck>,
  { importer, now }: { importer: Actor; now: Date },
): PlanResult {
  const problems: ImportProblem[] = []
  const warnings: ImportProblem[] = []
  const people = new Map(bundle.people.map((p) => [lower(p.email), p]))
  const rolesOf = (email: string): readonly Role[] | undefined =>
    people.get(email)?.roles ?? existing.users.get(email)?.roles

  const plannedPeople: PlannedPerson[] = bundle.people.map((person) => {
    const email = lower(person.email)
    const profile = personProfile(person)
    const found = existing.users.get(email)
    if (!found) return { action: 'create', email, profile }
    const unchanged = (Object.keys(profile) as (keyof PersonProfile)[]).every((k) =>
      same(found.profile[k], profile[k]),
    )
    return { action: unchanged ? 'unchanged' : 'update', email, profile, id: found.id }
  })

  const plannedReferences: PlannedReference[] = bundle.references.map((raw) => {
    const item = canonicalReference(raw)
    const found = existing.references.get(item.id)
    if (!found) return { action: 'create', key: item.id, item }
    // A generated key that a different stored reference already has must not overwrite it.
    const origin = bundle.referenceOrigins?.get(item.id)
    if (origin?.generated && !sameWork(found.item, item)) {
      problems.push({
        file: origin.file,
        line: origin.line,
        message: `the key generated for this reference, "${item.id}", is already used in the database by "${found.item.title}": add this reference to references.bib or references.json with a key of its own`,
      })
    }
    return {
      action: sameReference(found.item, item) ? 'unchanged' : 'update',
      key: item.id,
      item,
      id: found.id,
    }
  })
  const fromFiles = new Map(plannedReferences.map((r) => [r.key, r.item]))
  const reference = (key: string): CslItem | undefined =>
    fromFiles.get(key) ?? existing.references.get(key)?.item

  const settings = planSettings(bundle.settings, existing.settings)
  const intervalMonths =
    bundle.settings?.reviewIntervalMonths ??
    (existing.settings.reviewIntervalMonths as number | undefined) ??
    REVIEW_INTERVAL_MONTHS.default

  const articles: PlannedArticle[] = []
  for (const source of bundle.articles) {
    const before = problems.length
    const { frontMatter: fm, file, locate } = source
    const authorEmails = fm.authors.map(lower)
    fm.authors.forEach((email, i) => {
      if (!rolesOf(lower(email))) {
        problems.push({
          file,
          ...(locate(['authors', i]) ?? locate(['authors'])),
          message: `unknown author ${email}: add them to people.json or create the user first`,
        })
      }
    })
    const reviewerEmail = fm.review ? lower(fm.review.reviewer) : undefined
    const reviewerPlace = () =>
      locate(['review', 'reviewer']) ?? locate(['review']) ?? locate(['title'])
    if (fm.review && !rolesOf(reviewerEmail!)) {
      problems.push({
        file,
        ...reviewerPlace(),
        message: `unknown reviewer ${fm.review.reviewer}: add them to people.json or create the user first`,
      })
    }

    const check = checks.get(file)
    if (!check) throw new TypeError(`planImport: no content checks for ${file}`)
    for (const problem of check.problems) {
      const placed: ImportProblem = {
        file,
        ...filePosition(source, problem),
        message: problem.message,
      }
      if (problem.severity === 'error') problems.push(placed)
      else warnings.push(placed)
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
      references: check.citedKeys.map((key) => reference(key)!),
    }
    const hash = contentHash(content)
    const found = existing.articles.get(source.slug)
    const decision = decideImport(
      found?.facts,
      {
        importer,
        contentHash: hash,
        authorIds: authorEmails,
        review: fm.review && {
          // The import decides by email: ids of people this import creates do not exist yet.
          reviewer: { id: reviewerEmail!, roles: rolesOf(reviewerEmail!) ?? [] },
          at: fm.review.date,
          comment: fm.review.comment,
        },
        reviewIntervalMonths: intervalMonths,
        source: file,
      },
      now,
    )
    if (!decision.ok) {
      problems.push({
        file,
        ...(decision.because === 'content_locked'
          ? locate(['title'])
          : locate(['review', 'reviewer'])),
        message: `${decision.reason}${fm.review && decision.because !== 'content_locked' ? ` (${fm.review.reviewer})` : ''}`,
      })
      continue
    }
    const topics = fm.topics ?? []
    const userId = (email: string) => existing.users.get(email)?.id
    const sameMeta =
      found !== undefined &&
      same(found.topics, topics) &&
      same(
        found.authorIds.map(String),
        authorEmails.map((e) => String(userId(e))),
      ) &&
      same(found.citationKeys, check.citedKeys)
    articles.push({
      action: !found ? 'create' : decision.unchanged && sameMeta ? 'unchanged' : 'update',
      file,
      slug: source.slug,
      id: found?.id,
      content,
      topics,
      authorEmails,
      citedKeys: check.citedKeys,
      reviewerEmail,
      decision,
    })
  }
  if (problems.length) return { ok: false, problems }
  const ids = {
    users: new Map([...existing.users].map(([email, user]) => [email, user.id])),
    citations: new Map([...existing.references].map(([key, ref]) => [key, ref.id])),
  }
  return {
    ok: true,
    plan: {
      people: plannedPeople,
      references: plannedReferences,
      settings,
      articles,
      warnings,
      ids,
    },
  }
}

/** Where in the file a check's problem is: the body, or an audience version's block. */
function filePosition(
  source: ArticleSource,
  problem: ArticleCheck['problems'][number],
): { line?: number; column?: number } {
  if (problem.line === undefined) {
    return problem.field === 'title' ? (source.locate(['title']) ?? {}) : { line: source.bodyLine }
  }
  let firstLine = source.bodyLine
  const variants = source.frontMatter.variants ?? []
  const index = variants.findIndex((v) => variantField(v.audience) === problem.field)
  // A block scalar's text starts on the line after `body: |`.
  if (index !== -1) firstLine = (source.locate(['variants', index, 'body'])?.line ?? 1) + 1
  return { line: firstLine + problem.line - 1, column: problem.column }
}

function planSettings(
  settings: SiteSettingsInput | undefined,
  current: Readonly<Record<string, unknown>>,
): ImportPlan['settings'] {
  if (!settings) return { action: 'absent' }
  const { followUp, ...rest } = settings
  const data: Record<string, unknown> = { ...rest }
  if (followUp) data.followUp = { ...(current.followUp as object | undefined), ...followUp }
  if (Object.keys(data).every((k) => same(current[k], data[k]))) return { action: 'unchanged' }
  return { action: !current.disclaimer && !current.editorialPolicy ? 'create' : 'update', data }
}

/** The plan in a few lines for a terminal: what a dry run prints. */
export function describePlan(plan: ImportPlan): string[] {
  const lines: string[] = []
  const list = <T extends { action: Action }>(what: string, items: T[], name: (t: T) => string) => {
    for (const action of ['create', 'update'] as const) {
      for (const item of items.filter((i) => i.action === action)) {
        lines.push(`  ${action.padEnd(6)} ${what.padEnd(9)} ${name(item)}`)
      }
    }
  }
  list('person', plan.people, (p) => p.email)
  list('reference', plan.references, (r) => r.key)
  list('article', plan.articles, (a) => {
    const d = a.decision
    const review = d.publish
      ? `approved ${d.publish.approvedAt.toISOString().slice(0, 10)} by ${a.reviewerEmail}, re-review due ${d.publish.reviewDue.toISOString().slice(0, 10)}`
      : 'draft'
    return `${a.slug} (${a.file}): ${review}`
  })
  if (plan.settings.action === 'create' || plan.settings.action === 'update') {
    lines.push(`  ${plan.settings.action.padEnd(6)} settings  site.yaml`)
  }
  return lines
}
