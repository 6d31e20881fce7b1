import type { ContentProblem } from '../markdown/types'

/** The review states of an article, in the order an article normally moves through them. */
export const WORKFLOW_STATES = [
  'draft',
  'submitted',
  'under_review',
  'changes_requested',
  'approved',
] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

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

/** A positioned problem found by the Markdown checks, as src/markdown reports it. */
export type { ContentProblem } from '../markdown/types'

/** Per-action input. Which fields an action needs is stated on `decide`. */
export interface ActionInput {
  /** Optional on every action; required (non-blank) for `request_changes` and `comment`. */
  comment?: string
  /** `start_review` by staff: the reviewer to assign. */
  assignee?: Actor
  /** Required for `submit`: the Markdown checks run by the caller on the current revision. */
  problems?: readonly ContentProblem[]
  /** `approve`: months until re-review is due. A whole number from 1 to 120; default 12. */
  reviewIntervalMonths?: number
}

/** The kinds of event in an article's audit trail (the `reviews` collection). */
export const EVENT_TYPES = [
  ...WORKFLOW_ACTIONS,
  'import',
  'edit_after_approval',
  'review_overdue',
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

export interface Refusal {
  ok: false
  code: RefusalCode
  /** For people: what was refused and why, and what to do instead where there is something. */
  reason: string
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
}

/** Actions refused without a non-blank comment; the admin asks for one before sending them. */
export const COMMENT_REQUIRED_ACTIONS: readonly WorkflowAction[] = ['request_changes', 'comment']

/** Comments longer than this many characters are refused (`invalid_input`). */
export const MAX_COMMENT_LENGTH = 10_000

/** Default months between an approval and its re-review (`reviewDue`). */
export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12
/** Largest accepted re-review interval, in months. */
export const MAX_REVIEW_INTERVAL_MONTHS = 120

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value)
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value)
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
