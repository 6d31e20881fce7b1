import type { Root } from 'hast'
import type { SanitizedHtml } from '../markdown/to-html'
import type { RenderedReference, TocEntry } from '../markdown/types'
import type { CslItem } from '../references'
import type { TrackerStepKey } from '../workflow'
import type { Audience } from './audiences'

/**
 * The view-models the site renders. They are plain data prepared by `src/publish`: every Markdown
 * field arrives as already-sanitized hast (from `src/markdown`), every date as an ISO 8601 string.
 */

/** A cited reference and a table-of-contents entry, exactly as `src/markdown` renders them. */
export type { RenderedReference, SanitizedHtml, TocEntry }

export interface SiteInfo {
  name: string
  /** Absolute, without a trailing slash: `https://example.org`. */
  baseUrl: string
  /** BCP 47 language tag of the whole site, e.g. `en`. Also used to format dates. */
  language: string
  /**
   * Each audience's disclaimer, rendered Markdown (sanitized hast), shown under that audience's
   * version (`disclaimerFor` picks it).
   */
  disclaimers: Record<Audience, Root>
  advisoryBoardStatement: string
  /**
   * The follow-up call to action: a question form posting to `QUESTION_ENDPOINT`, with `url` (e.g.
   * a mailto: link) as the way to ask without JavaScript.
   */
  followUp?: { heading: string; text: string; label: string; url: string }
  publishPolicy: 'approved-only' | 'pending-with-banner'
}

export interface PersonRef {
  id: string
  /** The person's anchor on the advisory board page (`/advisory-board/#<slug>`). */
  slug: string
  name: string
  /** As printed after the name: `MD, PhD`. */
  credentials?: string
  specialty?: string
  /** An ORCID iD (`0000-0002-1825-0097`), bare or as an `https://orcid.org/` URL. */
  orcid?: string
  /**
   * True when the person has a profile on the advisory board page, so that their name may link
   * there. A reviewer in `lastReviewed.by` always links (reviewers are on the board by definition).
   */
  listedOnBoard?: boolean
}

export interface Person extends PersonRef {
  bio?: string
  disclosures?: string
  roles: string[]
}

export type TrackerStepName = TrackerStepKey

export interface ReviewStep {
  step: TrackerStepName
  status: 'done' | 'current' | 'upcoming'
  /** ISO 8601: when the step was reached (done, current); absent for upcoming steps. */
  date?: string
}

/** A cited reference as a page lists it in its structured data (number order). */
export interface PageReference {
  key: string
  number: number
  anchorId: string
  data: CslItem
}

/**
 * One document of an article as the Markdown pipeline rendered it: sanitized HTML of the body and
 * of its reference list (the pipeline's own `renderReferenceList`), the ids they hold, the cited
 * references and the table of contents. Plain data: kept with the approval and reused by every
 * publish until the content or the pipeline changes.
 */
export interface RenderedDocument {
  body: SanitizedHtml
  /** The body's text without citation numbers, whitespace collapsed (what search finds it by). */
  text: string
  referenceList: SanitizedHtml
  references: PageReference[]
  toc: TocEntry[]
}

export interface AudienceVersion extends RenderedDocument {
  /** `clinician` for the main body; variants add plain-language versions. */
  audience: 'clinician' | 'patient' | 'student' | (string & {})
  /** Shown in the selector: 'Healthcare professional', 'Patient or caregiver', 'Student'. */
  label: string
  title?: string
  summary?: string
}

export interface HistoryEntry {
  /** The review event type: `submit`, `start_review`, `comment`, `request_changes`, `approve`... */
  type: string
  /** Human-readable: 'Submitted for review'. */
  label: string
  /** ISO 8601. */
  at: string
  actor?: PersonRef
  comment?: string
  /** Workflow state before and after, e.g. `submitted` -> `under_review`. */
  from?: string
  to?: string
}

/**
 * A topic of the article for JSON-LD `about`. A bare string is a `Thing` with that name; give a
 * type when it is known (a condition, a test) so that structured data stays truthful.
 */
export type AboutTopic =
  | string
  | {
      name: string
      type: 'MedicalCondition' | 'MedicalTest' | 'Drug' | 'AnatomicalStructure' | 'Thing'
      /** An authoritative URL for the topic (MeSH, Wikidata...). */
      sameAs?: string
    }

export interface ArticleView {
  slug: string
  /** Site-relative, with a trailing slash: `/articles/low-alp-myeloma/`. */
  url: string
  /** The question. */
  title: string
  summary?: string
  about?: AboutTopic[]
  /** At least one; `[0]` is the default (clinician) version. At most 6 (the stylesheet's limit). */
  versions: AudienceVersion[]
  authors: PersonRef[]
  /** Is what is shown an approved revision? If not, the page carries the caution banner. */
  approved: boolean
  /** The three steps, in order, with dates. */
  tracker: ReviewStep[]
  /** ISO 8601. */
  lastUpdated: string
  lastReviewed?: { at: string; by: PersonRef }
  nextReviewDue?: string
  /** The scheduled re-review is past due: the page carries a banner saying so. */
  overdue: boolean
  /** Oldest first. */
  history: HistoryEntry[]
}

export interface ArticleSummary {
  slug: string
  url: string
  title: string
  summary?: string
  /** ISO 8601. */
  lastReviewed?: string
  approved: boolean
  /** The conditions or subjects it is about (its topic pages). */
  topics?: string[]
}

/** A topic page of the site: the articles about one condition or subject. */
export interface TopicRef {
  name: string
  /** `/topics/<slug>/`. */
  slug: string
  url: string
  count: number
}

/** An Atom feed entry: a summary plus when it last changed (ISO 8601). */
export interface FeedArticle extends ArticleSummary {
  updated: string
}

export interface SitemapUrl {
  /** Site-relative (`/articles/x/`) or absolute under `SiteInfo.baseUrl`. */
  url: string
  /** ISO 8601. */
  lastmod?: string
}
