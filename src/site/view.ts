import type { CslItem } from '../references'
import {
  type ContentProblem,
  documentProblems,
  type DocumentRole,
  type MarkdownProcessor,
} from '../markdown'
import {
  EVENT_LABELS,
  type EventType,
  isOverdue,
  trackerSteps,
  type WorkflowState,
} from '../workflow'
import { type Audience, audienceLabel } from './audiences'
import type {
  ArticleView,
  AudienceVersion,
  HistoryEntry,
  PersonRef,
  ReviewStep,
  SiteInfo,
} from './types'

/** One audit event of an article, as the site shows it. */
export interface ArticleEvent {
  type: EventType
  /** ISO 8601. */
  at: string
  actor?: PersonRef
  comment?: string
  from?: WorkflowState
  to?: WorkflowState
}

/**
 * An article revision as plain data, everything its page is made from: what the publisher reads
 * from the CMS, and what the admin preview sends for a draft. Markdown is rendered here, by the
 * one pipeline, so every page and preview shows the same thing.
 */
export interface ArticleSource {
  slug: string
  title: string
  summary?: string
  topics?: string[]
  /** Markdown, for healthcare professionals. */
  body: string
  variants: { audience: Audience; title?: string; summary?: string; body: string }[]
  /** The revision's cited references, as CSL-JSON. */
  references: readonly CslItem[]
  authors: PersonRef[]
  /** True for the approved, published revision; false for a pending one (or a preview). */
  approved: boolean
  state: WorkflowState
  /** ISO 8601. */
  updatedAt: string
  approval?: { at: string; by: PersonRef }
  /** ISO 8601. */
  reviewDue?: string
  /** The article's audit events, oldest first. */
  events: ArticleEvent[]
}

/** The page address of an article: `/articles/<slug>/`. */
export const articleUrl = (slug: string): string => `/articles/${slug}/`

/**
 * An article page's view-model: every audience version rendered by the Markdown pipeline with its
 * own id prefix (so they share one page), the tracker, the history; and the content problems met
 * on the way (unused references follow the pipeline's `documentProblems` rule).
 */
export function buildArticleView(
  source: ArticleSource,
  markdown: MarkdownProcessor,
  now: Date,
): { view: ArticleView; problems: ContentProblem[] } {
  const problems: ContentProblem[] = []
  const render = (body: string, audience: Audience, role: DocumentRole, field: string) => {
    const result = markdown.render({
      markdown: body,
      references: source.references,
      idPrefix: `${audience}-`,
      path: `${source.slug}: ${field}`,
    })
    problems.push(...documentProblems(result, role, field))
    return result
  }
  const main = render(source.body, 'clinician', 'main', 'body')
  const versions: AudienceVersion[] = [
    {
      audience: 'clinician',
      label: audienceLabel('clinician'),
      body: main.hast,
      references: main.references,
      toc: main.toc,
    },
    ...source.variants.map((v) => {
      const result = render(v.body, v.audience, 'variant', `${v.audience} version`)
      return {
        audience: v.audience,
        label: audienceLabel(v.audience),
        title: v.title,
        summary: v.summary,
        body: result.hast,
        references: result.references,
        toc: result.toc,
      }
    }),
  ]
  const { approved } = source
  const view: ArticleView = {
    slug: source.slug,
    url: articleUrl(source.slug),
    title: source.title,
    summary: source.summary,
    about: source.topics,
    versions,
    authors: source.authors,
    approved,
    tracker: trackerFor(source.state, source.events, approved),
    lastUpdated: source.updatedAt,
    lastReviewed: approved ? source.approval : undefined,
    nextReviewDue: approved ? source.reviewDue : undefined,
    overdue: approved && isOverdue(source.reviewDue, now),
    history: historyOf(source.events),
  }
  return { view, problems }
}

/**
 * When each tracker step was reached in the review cycle that produced this revision: the latest
 * event of each kind, taken only from the cycle's own events (after the last return to draft).
 */
function trackerFor(state: WorkflowState, events: ArticleEvent[], approved: boolean): ReviewStep[] {
  const cycle: ArticleEvent[] = []
  for (const event of events) {
    if (event.to === 'draft' || event.to === 'changes_requested') cycle.length = 0
    else cycle.push(event)
  }
  const last = (type: EventType) => [...cycle].reverse().find((e) => e.type === type)?.at
  const importedAt = last('import')
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
function historyOf(events: ArticleEvent[]): HistoryEntry[] {
  return events
    .filter((e) => e.type !== 'comment')
    .map((e) => ({
      type: e.type,
      label: EVENT_LABELS[e.type],
      at: e.at,
      actor: e.actor,
      comment: e.type === 'approve' ? e.comment : undefined,
      from: e.from,
      to: e.to,
    }))
}

/** The site settings the pages show, as plain data (the CMS's site-settings global). */
export interface SiteSettingsSource {
  siteName: string
  advisoryBoardStatement: string
  /** Markdown. */
  disclaimer?: string | null
  publishPolicy: SiteInfo['publishPolicy']
  followUp?: {
    heading?: string | null
    text?: string | null
    label?: string | null
    url?: string | null
  } | null
}

/** Site-wide settings as the pages use them; the disclaimer is rendered Markdown. */
export function buildSiteInfo(
  settings: SiteSettingsSource,
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
