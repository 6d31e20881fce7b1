import type { Article, Review, SiteSetting, User } from '../../payload-types'
import { audienceLabel, type Audience } from '../content/audiences'
import { storedArticleContent } from '../content/articleContent'
import { type ContentProblem, type MarkdownProcessor, toProblems } from '../markdown'
import type {
  ArticleSummary,
  ArticleView,
  AudienceVersion,
  FeedArticle,
  HistoryEntry,
  Person,
  PersonRef,
  ReviewStep,
  SiteInfo,
} from '../site'
import {
  EVENT_LABELS,
  isOverdue,
  trackerSteps,
  type EventType,
  type WorkflowState,
} from '../workflow'

/** A revision chosen for the site, with the audit events of its article (oldest first). */
export interface ArticleRecord {
  /** The revision, read with depth >= 2 (citations, authors and approver populated). */
  doc: Article
  /** True when `doc` is the approved, published revision; false for a pending one. */
  approved: boolean
  events: Review[]
}

/** A related document when it was populated, else undefined (an id alone says nothing). */
export function populated<T extends object>(
  value: T | number | string | null | undefined,
): T | undefined {
  return typeof value === 'object' && value !== null ? value : undefined
}

/** The site-relative address of an article page. */
export const articleUrl = (slug: string) => `/articles/${slug}/`

/** A person as the site names and links them. */
export function personRef(user: User): PersonRef {
  return {
    id: String(user.id),
    slug: user.slug ?? String(user.id),
    name: user.name,
    credentials: user.credentials ?? undefined,
    specialty: user.specialty ?? undefined,
    orcid: user.orcid ?? undefined,
    listedOnBoard: user.roles.includes('reviewer'),
  }
}

/** An advisory board member's public profile. */
export function boardMember(user: User): Person {
  return {
    ...personRef(user),
    bio: user.bio ?? undefined,
    disclosures: user.disclosures ?? undefined,
    roles: [...user.roles],
  }
}

/** Site-wide settings as the pages use them; the disclaimer is rendered Markdown. */
export function siteInfo(
  settings: SiteSetting,
  baseUrl: string,
  markdown: MarkdownProcessor,
): SiteInfo {
  const followUp = settings.followUp
  return {
    name: settings.siteName,
    baseUrl,
    language: 'en',
    disclaimer: markdown.render({
      markdown: settings.disclaimer ?? '',
      references: [],
      idPrefix: 'disclaimer-',
      path: 'site settings: disclaimer',
    }).hast,
    advisoryBoardStatement: settings.advisoryBoardStatement,
    followUp:
      followUp?.url && followUp.label
        ? {
            heading: followUp.heading ?? 'Have a follow-up question?',
            text: followUp.text ?? '',
            label: followUp.label,
            url: followUp.url,
          }
        : undefined,
    publishPolicy: settings.publishPolicy,
  }
}

/**
 * When each tracker step was reached in the review cycle that produced this revision: the latest
 * event of each kind, taken only from the cycle's own events (after the last return to draft).
 */
function trackerFor(state: WorkflowState, events: Review[], approved: boolean): ReviewStep[] {
  const cycle: Review[] = []
  for (const event of events) {
    if (event.to === 'draft' || event.to === 'changes_requested') cycle.length = 0
    else cycle.push(event)
  }
  const last = (type: EventType) => [...cycle].reverse().find((e) => e.type === type)?.at
  const importedAt = [...cycle].reverse().find((e) => e.type === 'import')?.at
  const dates: Record<ReviewStep['step'], string | undefined> = {
    submitted: last('submit') ?? importedAt,
    under_review: last('start_review') ?? importedAt,
    approved: last('approve') ?? importedAt,
  }
  return trackerSteps(approved ? 'approved' : state).map(({ key, status }) => ({
    step: key,
    status,
    date: status === 'upcoming' ? undefined : dates[key],
  }))
}

/** The public history: what happened and when; only approval notes are shown, not deliberation. */
function historyOf(events: Review[]): HistoryEntry[] {
  return events
    .filter((e) => e.type !== 'comment')
    .map((e) => {
      const actor = populated(e.actor)
      return {
        type: e.type,
        label: EVENT_LABELS[e.type],
        at: e.at,
        actor: actor ? personRef(actor) : undefined,
        comment: e.type === 'approve' ? (e.comment ?? undefined) : undefined,
        from: e.from ?? undefined,
        to: e.to ?? undefined,
      }
    })
}

/**
 * An article page's view-model: every audience version rendered with its own id prefix, and the
 * content problems found on the way (each with the field it is in).
 */
export function articleView(
  record: ArticleRecord,
  markdown: MarkdownProcessor,
  now: Date,
): { view: ArticleView; problems: ContentProblem[] } {
  const { doc, approved, events } = record
  const content = storedArticleContent(doc)
  const problems: ContentProblem[] = []
  const render = (body: string, audience: Audience, field: string) => {
    const result = markdown.render({
      markdown: body,
      references: content.references,
      idPrefix: `${audience}-`,
      path: `${doc.slug}: ${field}`,
    })
    for (const p of toProblems(result.messages)) {
      // Each version cites a subset of the article's references: unused ones are expected.
      if (p.ruleId !== 'citation-unused') problems.push({ ...p, field })
    }
    return result
  }
  const main = render(doc.body, 'clinician', 'body')
  const versions: AudienceVersion[] = [
    {
      audience: 'clinician',
      label: audienceLabel('clinician'),
      body: main.hast,
      references: main.references,
      toc: main.toc,
    },
    ...(doc.variants ?? []).map((v) => {
      const result = render(v.body, v.audience, `${v.audience} version`)
      return {
        audience: v.audience,
        label: audienceLabel(v.audience),
        title: v.title ?? undefined,
        summary: v.summary ?? undefined,
        body: result.hast,
        references: result.references,
        toc: result.toc,
      }
    }),
  ]
  const approver = populated(doc.approval?.approvedBy)
  const view: ArticleView = {
    slug: doc.slug,
    url: articleUrl(doc.slug),
    title: doc.title,
    summary: doc.summary ?? undefined,
    about: doc.topics ?? undefined,
    versions,
    authors: (doc.authors ?? []).flatMap((a) => {
      const user = populated(a)
      return user ? [personRef(user)] : []
    }),
    approved,
    tracker: trackerFor(doc.state, events, approved),
    lastUpdated: doc.updatedAt,
    lastReviewed:
      approved && approver && doc.approval?.approvedAt
        ? { at: doc.approval.approvedAt, by: personRef(approver) }
        : undefined,
    nextReviewDue: approved ? (doc.reviewDue ?? undefined) : undefined,
    overdue: approved && isOverdue(doc.reviewDue, now),
    history: historyOf(events),
  }
  return { view, problems }
}

/** An article as the home page, the feed and the search list it. */
export function articleSummary(doc: Article, approved: boolean): FeedArticle {
  const summary: ArticleSummary = {
    slug: doc.slug,
    url: articleUrl(doc.slug),
    title: doc.title,
    summary: doc.summary ?? undefined,
    lastReviewed: approved ? (doc.approval?.approvedAt ?? undefined) : undefined,
    approved,
  }
  return { ...summary, updated: doc.updatedAt }
}
