import type { CslItem } from '../references'
import {
  type ContentProblem,
  documentProblems,
  type DocumentRole,
  type MarkdownProcessor,
  renderReferenceList,
  textWithoutCitations,
  toSanitizedHtml,
} from '../markdown'
import {
  EVENT_LABELS,
  isPublicEvent,
  type EventType,
  isOverdue,
  trackerSteps,
  type WorkflowState,
} from '../workflow'
import {
  AUDIENCES,
  type Audience,
  audienceLabel,
  disclaimerText,
  type VariantAudience,
} from './audiences'
import type {
  ArticleView,
  AudienceVersion,
  HistoryEntry,
  PersonRef,
  RenderedDocument,
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

/** What an article's documents are rendered from: its Markdown and its cited references. */
export interface ArticleDocumentsSource {
  slug: string
  /** Markdown, for healthcare professionals. */
  body: string
  variants: { audience: Audience; body: string }[]
  /** The revision's cited references, as CSL-JSON. */
  references: readonly CslItem[]
}

/**
 * An article revision as plain data, everything its page is made from: what the publisher reads
 * from the CMS, and what the admin preview sends for a draft.
 */
export interface ArticleSource extends ArticleDocumentsSource {
  title: string
  summary?: string
  topics?: string[]
  variants: { audience: Audience; title?: string; summary?: string; body: string }[]
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

/** Every document of an article rendered by the pipeline, and the problems met doing it. */
export interface RenderedArticle {
  /** The main (clinician) document first, then each audience version, as in the source. */
  documents: (RenderedDocument & { audience: Audience })[]
  problems: ContentProblem[]
}

/** The page address of an article: `/articles/<slug>/`. */
export const articleUrl = (slug: string): string => `/articles/${slug}/`

/**
 * Renders every document of an article with the Markdown pipeline, each with its own id prefix
 * (so they share one page): the expensive part of a page, and a pure function of the Markdown, the
 * references and the pipeline, so it can be kept and reused until one of them changes. Unused
 * references follow the pipeline's `documentProblems` rule.
 */
export function renderArticle(
  source: ArticleDocumentsSource,
  markdown: MarkdownProcessor,
): RenderedArticle {
  const problems: ContentProblem[] = []
  const render = (body: string, audience: Audience, role: DocumentRole, field: string) => {
    const result = markdown.render({
      markdown: body,
      references: source.references,
      idPrefix: `${audience}-`,
      path: `${source.slug}: ${field}`,
    })
    problems.push(...documentProblems(result, role, field))
    return {
      audience,
      body: toSanitizedHtml(result.hast),
      text: textWithoutCitations(result.hast),
      referenceList: toSanitizedHtml(renderReferenceList(result.references)),
      references: result.references.map(({ key, number, anchorId, data }) => ({
        key,
        number,
        anchorId,
        data,
      })),
      toc: result.toc,
    }
  }
  return {
    documents: [
      render(source.body, 'clinician', 'main', 'body'),
      ...source.variants.map((v) => render(v.body, v.audience, 'variant', `${v.audience} version`)),
    ],
    problems,
  }
}

/**
 * An article page's view-model from the article and its rendered documents (see `renderArticle`):
 * the versions with their labels, the tracker, the history, the review facts. No Markdown is
 * rendered here, so a page can be made again from kept documents at the cost of its template.
 */
export function buildArticleView(
  source: ArticleSource,
  rendered: RenderedArticle,
  now: Date,
): ArticleView {
  if (rendered.documents.length !== source.variants.length + 1) {
    throw new TypeError(
      `article ${source.slug}: ${rendered.documents.length} rendered documents for ${source.variants.length + 1} versions`,
    )
  }
  const [main, ...variants] = rendered.documents
  const versions: AudienceVersion[] = [
    { ...main!, audience: 'clinician', label: audienceLabel('clinician') },
    ...source.variants.map((v, i) => ({
      ...variants[i]!,
      audience: v.audience,
      label: audienceLabel(v.audience),
      title: v.title,
      summary: v.summary,
    })),
  ]
  const { approved } = source
  return {
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
}

/** `renderArticle` and `buildArticleView` in one step (previews, fixtures). */
export function renderArticleView(
  source: ArticleSource,
  markdown: MarkdownProcessor,
  now: Date,
): { view: ArticleView; problems: ContentProblem[] } {
  const rendered = renderArticle(source, markdown)
  return { view: buildArticleView(source, rendered, now), problems: rendered.problems }
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
    .filter((e) => isPublicEvent(e.type))
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
  /** Markdown: the professional (main version's) disclaimer. */
  disclaimer?: string | null
  /** Markdown: the other audiences' own disclaimers (the professional one where empty). */
  audienceDisclaimers?: Partial<Record<VariantAudience, string | null>> | null
  publishPolicy: SiteInfo['publishPolicy']
  followUp?: {
    heading?: string | null
    text?: string | null
    label?: string | null
    url?: string | null
  } | null
}

/** Site-wide settings as the pages use them; each audience's disclaimer is rendered Markdown. */
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
    disclaimers: Object.fromEntries(
      AUDIENCES.map(({ value }) => [
        value,
        markdown.render({
          markdown: disclaimerText(settings, value),
          references: [],
          idPrefix: `disclaimer-${value}-`,
          path: `site settings: disclaimer (${value})`,
        }).hast,
      ]),
    ) as SiteInfo['disclaimers'],
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
