/** The review states of an article, in the order an article normally moves through them. */
export const WORKFLOW_STATES = [
  'draft',
  'submitted',
  'under_review',
  'changes_requested',
  'approved',
] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

/** The state every new article starts in. */
export const INITIAL_STATE = 'draft' satisfies WorkflowState

/** Everything a person can ask the workflow to do, in the order the admin shows them. */
export const WORKFLOW_ACTIONS = [
  'submit',
  'withdraw',
  'start_review',
  'request_changes',
  'approve',
  'unpublish',
  'comment',
] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** Account roles. `editor` and `admin` have the same workflow powers ("staff"). */
export const ROLES = ['author', 'reviewer', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** A document id. Ids compare by `String(id)`: SQL adapters give numbers, MongoDB strings. */
export type Id = string | number

/** A signed-in person. Anonymous visitors are not actors: callers refuse them before asking. */
export interface Actor {
  id: Id
  roles: readonly Role[]
}

/** What the workflow needs to know about an article (its current, latest revision). */
export interface ArticleFacts {
  state: WorkflowState
  authorIds: readonly Id[]
  /** The assigned reviewers. */
  reviewerIds: readonly Id[]
  /** An approved revision of this article is currently live on the site. */
  isPublished: boolean
  /** `contentHash()` of the current (latest) revision. */
  contentHash: string
}

/** What deciding who may act needs: the facts without the content (roles never depend on text). */
export type ReviewFacts = Omit<ArticleFacts, 'contentHash'>

/**
 * A problem the content checks found in a revision: what submission needs to know (only errors
 * block it). The Markdown checks (src/markdown) report their messages in this shape.
 */
export interface ContentProblem {
  ruleId: string
  severity: 'error' | 'warning'
  message: string
  line?: number
  column?: number
  /** Which article field the problem is in: 'title' | 'summary' | 'body' | 'references' | ... */
  field?: string
}

/**
 * What approval asks of an article's references (a site setting): every one verified by a
 * reviewer against its source (`require-verified`, the default for new sites), or approval with a
 * warning for each one that is not (`warn`).
 */
export const REFERENCE_POLICIES = ['require-verified', 'warn'] as const
export type ReferencePolicy = (typeof REFERENCE_POLICIES)[number]
export const DEFAULT_REFERENCE_POLICY: ReferencePolicy = 'require-verified'
export const REFERENCE_POLICY_LABELS: Record<ReferencePolicy, string> = {
  'require-verified': 'Approval requires every reference verified',
  warn: 'Approval warns about unverified references',
}

/** The references of the revision under review, as approval's rule needs them. */
export interface ReferenceCheck {
  policy: ReferencePolicy
  /** Citation keys of the revision's references, in order. */
  keys: readonly string[]
  /** Those of them not verified now (never verified, or changed since they were). */
  unverified: readonly string[]
}

/** Per-action input. Which fields an action needs is stated on `decide`. */
export interface ActionInput {
  /** Optional on every action; required (non-blank) for `request_changes` and `comment`. */
  comment?: string
  /** `start_review` by staff: the reviewer to assign. */
  assignee?: Actor
  /** Required for `submit`: the Markdown checks run by the caller on the current revision. */
  problems?: readonly ContentProblem[]
  /** `approve`: months until re-review is due (`REVIEW_INTERVAL_MONTHS`); default 12. */
  reviewIntervalMonths?: number
  /** Required for `approve`: the revision's references, which are verified, and the site's policy. */
  references?: ReferenceCheck
}

/** The kinds of event in an article's audit trail (the `reviews` collection). */
export const EVENT_TYPES = [
  ...WORKFLOW_ACTIONS,
  'import',
  'edit_after_approval',
  'review_overdue',
  'preview_link_created',
  'preview_opened',
  'preview_comment',
  'preview_link_revoked',
] as const satisfies readonly string[]
export type EventType = (typeof EVENT_TYPES)[number]

/** One entry of the audit trail. `contentHash` is the hash of the revision the event concerns. */
export interface WorkflowEvent {
  type: EventType
  actorId: Id
  at: Date
  from: WorkflowState
  to: WorkflowState
  contentHash: string
  /** Trimmed; absent when the actor gave none. */
  comment?: string
  /** `start_review`: the reviewer who now holds the review (the actor when they claimed it). */
  assigneeId?: Id
}

/** What to store when an approval publishes a revision. */
export interface PublishRecord {
  approvedHash: string
  approverId: Id
  approvedAt: Date
  reviewDue: Date
}

/**
 * Why an action was refused, mapped by the HTTP layer to a status:
 * `forbidden` 403 (this person may never do this to this article), `invalid_state` 409 (not from
 * the article's current state), `invalid_input` 400 (missing or bad input), `content_problems` 422
 * (the revision fails the Markdown checks).
 */
export type RefusalCode = 'forbidden' | 'invalid_state' | 'invalid_input' | 'content_problems'

/**
 * Why exactly, for programs: a user interface decides what to show from this, never from the
 * English `reason`.
 */
export const REFUSAL_REASONS = [
  /** `forbidden`: not an author of the article (and not staff). */
  'not_an_author',
  /** `forbidden`: listed as an author but without the author role. */
  'author_role_missing',
  /** `forbidden`: not on the advisory board (reviewer role), and not staff. */
  'not_on_board',
  /** `forbidden`: wrote the article, so may not review or approve it. */
  'conflict_of_interest',
  /** `forbidden`: another reviewer holds the review. */
  'assigned_to_other',
  /** `forbidden`: not the assigned reviewer (and not staff). */
  'not_assigned',
  /** `forbidden`: assigned, but no longer holds the reviewer role. */
  'reviewer_role_missing',
  /** `forbidden`: an editor's power (unpublish, assigning someone else). */
  'staff_only',
  /** `forbidden`: reviewers comment or request changes; they do not edit content. */
  'reviewers_do_not_edit',
  /** `invalid_state`: not from the article's current state. */
  'wrong_state',
  /** `invalid_state`: the content is locked while the article is in review. */
  'content_locked',
  /** `invalid_state`: nothing of this article is on the site. */
  'not_published',
  /** `invalid_input`: the action is not one of `WORKFLOW_ACTIONS`. */
  'unknown_action',
  /** `invalid_input`: a comment is required and none was given. */
  'comment_required',
  /** `invalid_input`: the comment is longer than `MAX_COMMENT_LENGTH`. */
  'comment_too_long',
  /** `invalid_input`: the comment is not text. */
  'comment_not_text',
  /** `invalid_input`: submit was asked without the content checks' results (a server bug). */
  'checks_missing',
  /** `invalid_input`: staff must choose a board member to assign. */
  'assignee_required',
  /** `invalid_input`: the chosen assignee is not on the board. */
  'assignee_not_on_board',
  /** `invalid_input`: the chosen assignee wrote the article. */
  'assignee_wrote_article',
  /** `invalid_input`: the re-review interval is outside `REVIEW_INTERVAL_MONTHS`. */
  'interval_invalid',
  /** `content_problems`: the revision fails the content checks. */
  'content_problems',
  /** `content_problems`: the site requires verified references and some are not (`referenceVerdict`). */
  'references_unverified',
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export interface Refusal {
  ok: false
  code: RefusalCode
  /** The precise reason, for programs (see `REFUSAL_REASONS`). */
  because: RefusalReason
  /** For people: what was refused and why, and what to do instead where there is something. */
  reason: string
  /** `wrong_state`, `content_locked`: the state the article is in. */
  state?: WorkflowState
  /** `content_problems`: the problems of severity `error`, in the order given. */
  problems?: ContentProblem[]
}

export interface Approval {
  ok: true
  from: WorkflowState
  to: WorkflowState
  /** The event to append to the audit trail. */
  event: WorkflowEvent
  /** The new assigned reviewers; present exactly when the action sets them (`start_review`). */
  reviewerIds?: Id[]
  /** `approve`: publish the current revision and store this approval record. */
  publish?: PublishRecord
  /** `unpublish`: take the live revision off the site. */
  unpublish?: true
  /** `submit`: the problems of severity `warning`, which do not block submission. */
  warnings?: ContentProblem[]
}

export type Decision = Approval | Refusal

/** State names for people (admin columns, filters, messages). */
export const STATE_LABELS: Record<WorkflowState, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  under_review: 'Under review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
}

/** Button labels for the admin. */
export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: 'Submit for review',
  withdraw: 'Withdraw',
  start_review: 'Start review',
  request_changes: 'Request changes',
  approve: 'Approve',
  unpublish: 'Unpublish',
  comment: 'Comment',
}

/** How each kind of audit event reads in a history timeline (admin and public site). */
export const EVENT_LABELS: Record<EventType, string> = {
  submit: 'Submitted for review',
  withdraw: 'Withdrawn from review',
  start_review: 'Review started',
  request_changes: 'Changes requested',
  approve: 'Approved',
  unpublish: 'Unpublished',
  comment: 'Comment',
  import: 'Imported',
  edit_after_approval: 'Edited after approval',
  review_overdue: 'Re-review overdue',
  preview_link_created: 'Preview link shared',
  preview_opened: 'Preview opened',
  preview_comment: 'Comment through a preview link',
  preview_link_revoked: 'Preview link withdrawn',
}

/**
 * Events readers see in an article's public history: what happened to it in review. The board's
 * deliberation (comments) and who was shown a preview are not theirs to read.
 */
export function isPublicEvent(type: EventType): boolean {
  return type !== 'comment' && !type.startsWith('preview_')
}

/** Actions refused without a non-blank comment; the admin asks for one before sending them. */
export const COMMENT_REQUIRED_ACTIONS: readonly WorkflowAction[] = ['request_changes', 'comment']

/** Comments longer than this many characters are refused (`invalid_input`). */
export const MAX_COMMENT_LENGTH = 10_000

/**
 * Months between an approval and its re-review (`reviewDue`): the site setting's bounds and
 * default, and what `approve` accepts. Whole numbers only.
 */
export const REVIEW_INTERVAL_MONTHS = { min: 1, max: 60, default: 12 } as const

export function isValidReviewInterval(months: unknown): months is number {
  return (
    typeof months === 'number' &&
    Number.isInteger(months) &&
    months >= REVIEW_INTERVAL_MONTHS.min &&
    months <= REVIEW_INTERVAL_MONTHS.max
  )
}

/**
 * Who an article in each state waits for: `board` (a reviewer to start the review), `reviewer`
 * (the assigned reviewer's decision), `authors` (a revision after requested changes), or nobody.
 */
export const WAITING_FOR: Record<WorkflowState, 'board' | 'reviewer' | 'authors' | null> = {
  draft: null,
  submitted: 'board',
  under_review: 'reviewer',
  changes_requested: 'authors',
  approved: null,
}

/** What an article in each state waits for, in words (admin panels and dashboards). */
export const WAITING_LABELS: Record<NonNullable<(typeof WAITING_FOR)[WorkflowState]>, string> = {
  board: 'Waiting for a board member to start the review.',
  reviewer: 'Waiting for the reviewer’s decision.',
  authors: 'Waiting for the authors to revise and resubmit.',
}

/** The states for which `flags` holds, in `WORKFLOW_STATES` order (e.g. for a database query). */
export function statesWhere(flags: Record<WorkflowState, boolean>): WorkflowState[] {
  return WORKFLOW_STATES.filter((state) => flags[state])
}

/** The states in which an article waits for `who` (see `WAITING_FOR`). */
export function statesWaitingFor(who: NonNullable<(typeof WAITING_FOR)[WorkflowState]>) {
  return WORKFLOW_STATES.filter((state) => WAITING_FOR[state] === who)
}

/**
 * Under the `pending-with-banner` publish policy, the latest revision of an article that has no
 * approved revision is public, with a caution banner, in these states: it has been submitted to
 * the board and waits for its review.
 */
export const SHOWN_WHILE_PENDING: Record<WorkflowState, boolean> = {
  draft: false,
  submitted: true,
  under_review: true,
  changes_requested: false,
  approved: false,
}

/** States in which the content cannot be changed by anyone: the article is in review. */
export const CONTENT_LOCKED: Record<WorkflowState, boolean> = {
  draft: false,
  submitted: true,
  under_review: true,
  changes_requested: false,
  approved: false,
}

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value)
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value)
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
