import { addMonths, assertValidDate, isOverdue } from './dates'
import { referenceVerdict } from './approval'
import {
  ACTION_LABELS,
  CONTENT_LOCKED,
  MAX_COMMENT_LENGTH,
  REVIEW_INTERVAL_MONTHS,
  STATE_LABELS,
  WORKFLOW_ACTIONS,
  isValidReviewInterval,
  isWorkflowAction,
  isWorkflowState,
} from './model'
import type {
  ActionInput,
  Actor,
  ArticleFacts,
  ContentProblem,
  Decision,
  Id,
  PublishRecord,
  Refusal,
  RefusalCode,
  RefusalReason,
  ReviewFacts,
  WorkflowAction,
  WorkflowEvent,
  WorkflowState,
} from './model'
import {
  actsAsAssignedReviewer,
  actsAsAuthor,
  hasRole,
  isAssigned,
  isBoardMember,
  isStaff,
  mayComment,
  mayReview,
  sameId,
  wroteArticle,
} from './roles'

/** Everything an action's `apply` step gets, after its `authorize` step let the actor through. */
interface Context {
  article: ArticleFacts
  actor: Actor
  input: ActionInput
  now: Date
  /** The trimmed comment, or undefined when none or blank. */
  comment: string | undefined
}

interface Rule {
  /**
   * Who (role, authorship, assignment) and from which state, independent of input: what decides
   * whether the admin shows the action. Returns the refusal, or null to let the actor through.
   */
  authorize(article: ReviewFacts, actor: Actor): Refusal | null
  /** Input checks and the outcome, once authorized. */
  apply(context: Context): Decision
}

const RULES: Record<WorkflowAction, Rule> = {
  submit: {
    authorize(article, actor) {
      if (!isStaff(actor) && !actsAsAuthor(article, actor)) {
        return wroteArticle(article, actor)
          ? refuse(
              'forbidden',
              'author_role_missing',
              'You are listed as an author of this article but your account does not have the author role, so you cannot submit it: ask an admin',
            )
          : refuse(
              'forbidden',
              'not_an_author',
              'Only an author of this article or an editor can submit it',
            )
      }
      // From approved: a re-review of the live revision (overdue, or its approval went stale
      // because a cited reference changed); it stays published until the review decides.
      return requireState(article, 'submit', ['draft', 'changes_requested', 'approved'], {
        submitted: 'it is already waiting for a reviewer',
        under_review: "wait for the reviewer's decision",
      })
    },
    apply({ article, actor, input, now, comment }) {
      if (!Array.isArray(input.problems)) {
        return refuse(
          'invalid_input',
          'checks_missing',
          'Cannot submit without the results of the content checks on the current revision: the server must run them first',
        )
      }
      const errors = input.problems.filter((problem) => problem.severity === 'error')
      if (errors.length > 0) {
        return {
          ok: false,
          code: 'content_problems',
          because: 'content_problems',
          reason: `Cannot submit this article: fix ${count(errors.length, 'problem')} first: ${errors.map(describeProblem).join('; ')}`,
          problems: errors,
        }
      }
      const warnings = input.problems.filter((problem) => problem.severity !== 'error')
      return {
        ...transition(article, 'submit', actor, 'submitted', now, comment),
        ...(warnings.length > 0 ? { warnings } : {}),
      }
    },
  },

  withdraw: {
    authorize(article, actor) {
      if (!isStaff(actor) && !actsAsAuthor(article, actor)) {
        return refuse(
          'forbidden',
          'not_an_author',
          'Only an author of this article or an editor can withdraw it',
        )
      }
      return requireState(article, 'withdraw', ['submitted'], {
        draft: 'only a Submitted article can be withdrawn',
        changes_requested: 'only a Submitted article can be withdrawn; edit it and submit again',
        under_review: 'its review has started, so ask the reviewer to request changes instead',
        approved: 'only a Submitted article can be withdrawn',
      })
    },
    apply({ article, actor, now, comment }) {
      return transition(article, 'withdraw', actor, 'draft', now, comment)
    },
  },

  start_review: {
    authorize(article, actor) {
      if (!isStaff(actor)) {
        if (!isBoardMember(actor)) {
          return refuse(
            'forbidden',
            'not_on_board',
            'Only a member of the advisory board (a reviewer) or an editor can start a review',
          )
        }
        if (wroteArticle(article, actor)) return conflictOfInterest('review')
        if (article.reviewerIds.length > 0 && !isAssigned(article, actor)) {
          return refuse(
            'forbidden',
            'assigned_to_other',
            'This article is assigned to another reviewer: ask an editor to reassign it',
          )
        }
      }
      return requireState(article, 'start_review', ['submitted'], {
        draft: 'the author has not submitted it',
        changes_requested: 'wait for the author to revise and resubmit it',
        under_review: 'its review has already started',
        approved: 'it has already been reviewed and approved',
      })
    },
    apply({ article, actor, input, now, comment }) {
      const { assignee } = input
      let reviewerId: Id
      if (!isStaff(actor)) {
        if (assignee !== undefined && !sameId(assignee.id, actor.id)) {
          return refuse(
            'forbidden',
            'staff_only',
            'Only an editor can assign a review to someone else: you can claim it yourself',
          )
        }
        reviewerId = actor.id
      } else if (assignee !== undefined) {
        if (!isBoardMember(assignee)) {
          return refuse(
            'invalid_input',
            'assignee_not_on_board',
            'Cannot assign this review: the person chosen is not a member of the advisory board (reviewer role)',
          )
        }
        if (wroteArticle(article, assignee)) {
          return refuse(
            'invalid_input',
            'assignee_wrote_article',
            'Cannot assign this review: the person chosen wrote this article, so another board member must review it',
          )
        }
        reviewerId = assignee.id
      } else if (mayReview(article, actor)) {
        reviewerId = actor.id
      } else {
        return refuse(
          'invalid_input',
          'assignee_required',
          wroteArticle(article, actor)
            ? 'Choose a board member to assign: you wrote this article, so you cannot review it yourself'
            : 'Choose a board member to assign: you are not on the advisory board (reviewer role), so you cannot take the review yourself',
        )
      }
      const decision = transition(article, 'start_review', actor, 'under_review', now, comment)
      return {
        ...decision,
        event: { ...decision.event, assigneeId: reviewerId },
        reviewerIds: [reviewerId],
      }
    },
  },

  request_changes: {
    authorize(article, actor) {
      if (!isStaff(actor) && !actsAsAssignedReviewer(article, actor)) {
        return notTheReviewer(article, actor, 'request changes to')
      }
      return requireState(article, 'request_changes', ['under_review'], {
        draft: 'it has not been submitted for review',
        submitted: 'start the review first',
        changes_requested: 'changes have already been requested; wait for the author to resubmit',
        approved: 'it is already approved; comment instead, or edit it to start a new revision',
      })
    },
    apply({ article, actor, now, comment }) {
      if (comment === undefined) {
        return refuse(
          'invalid_input',
          'comment_required',
          'Say what needs to change: a comment is required to request changes',
        )
      }
      return transition(article, 'request_changes', actor, 'changes_requested', now, comment)
    },
  },

  approve: {
    authorize(article, actor) {
      // Checked before staff powers: nobody signs off on their own work, editors included.
      if (wroteArticle(article, actor)) return conflictOfInterest('approve')
      if (!isStaff(actor) && !actsAsAssignedReviewer(article, actor)) {
        return notTheReviewer(article, actor, 'approve')
      }
      return requireState(article, 'approve', ['under_review'], {
        draft: 'it has not been submitted for review',
        submitted: 'start the review first',
        changes_requested: 'wait for the author to revise and resubmit it',
        approved: 'it is already approved',
      })
    },
    apply({ article, actor, input, now, comment }) {
      const months = input.reviewIntervalMonths ?? REVIEW_INTERVAL_MONTHS.default
      if (!isValidReviewInterval(months)) return invalidInterval('approve', months)
      if (!input.references) {
        return refuse(
          'invalid_input',
          'checks_missing',
          'Cannot approve: the check of its references was not run (a server error)',
        )
      }
      const verdict = referenceVerdict(input.references)
      if (!verdict.ok) return refuse('content_problems', 'references_unverified', verdict.reason)
      const warnings: ContentProblem[] = verdict.warnings.map(({ message }) => ({
        ruleId: 'reference-unverified',
        severity: 'warning',
        field: 'references',
        message,
      }))
      return {
        ...transition(article, 'approve', actor, 'approved', now, comment),
        publish: publishRecord(article.contentHash, actor, now, months),
        ...(warnings.length > 0 ? { warnings } : {}),
      }
    },
  },

  unpublish: {
    authorize(article, actor) {
      if (!isStaff(actor)) {
        return refuse('forbidden', 'staff_only', 'Only an editor can unpublish an article')
      }
      if (!article.isPublished) {
        return refuse(
          'invalid_state',
          'not_published',
          'Cannot unpublish this article: it is not on the site',
        )
      }
      return null
    },
    apply({ article, actor, now, comment }) {
      // A newer revision in review keeps its state; only the live approval is withdrawn.
      const to: WorkflowState = article.state === 'approved' ? 'draft' : article.state
      return { ...transition(article, 'unpublish', actor, to, now, comment), unpublish: true }
    },
  },

  comment: {
    authorize(article, actor) {
      if (!mayComment(article, actor)) {
        return refuse(
          'forbidden',
          'not_an_author',
          'Only the authors of this article, members of the advisory board and editors can comment on it',
        )
      }
      return null
    },
    apply({ article, actor, now, comment }) {
      if (comment === undefined)
        return refuse('invalid_input', 'comment_required', 'Write a comment first: it is empty')
      return transition(article, 'comment', actor, article.state, now, comment)
    },
  },
}

/**
 * Decides whether `actor` may take `action` on `article` now, and what follows. Pure: reads its
 * arguments, never changes them, and returns the new state, the event to append, and what to
 * store or publish; or a refusal with a reason for people. Checks run in this order, so the code
 * says what to fix first: who (`forbidden`), then state (`invalid_state`), then input
 * (`invalid_input`), then content (`content_problems`).
 *
 * - submit: draft | changes_requested | approved -> submitted; an author of the article or staff;
 *   needs `problems`, none of severity `error`. From approved it asks for a re-review of the live
 *   revision (due, or stale because a cited reference changed), which stays published meanwhile.
 * - withdraw: submitted -> draft; an author of the article or staff.
 * - start_review: submitted -> under_review; a reviewer who did not write the article, unless
 *   another reviewer is assigned; or staff. Staff give `assignee` (a reviewer who did not write
 *   it), or none to take the review themselves when they could claim it. Sets `reviewerIds` to
 *   exactly that one reviewer.
 * - request_changes: under_review -> changes_requested; the assigned reviewer or staff; needs a
 *   non-blank `comment`.
 * - approve: under_review -> approved; the assigned reviewer or staff, never an author of the
 *   article; returns `publish` (due in `reviewIntervalMonths`, see `REVIEW_INTERVAL_MONTHS`).
 * - unpublish: any state while published; staff; approved -> draft, other states unchanged.
 * - comment: any state, unchanged; an author of the article, any reviewer, or staff; needs a
 *   non-blank `comment`.
 *
 * "Author of the article" means listed among its authors and holding the `author` role; "assigned
 * reviewer" means listed among its reviewers, holding the `reviewer` role, and not an author of it.
 * An unknown `action` (e.g. from a request body) is refused as `invalid_input`. Throws a TypeError
 * for malformed `article` facts or an invalid `now` (programmer errors).
 */
export function decide(
  article: ArticleFacts,
  action: WorkflowAction,
  actor: Actor,
  input: ActionInput,
  now: Date,
): Decision {
  assertArticleFacts(article)
  assertValidDate(now, 'decide: now')
  if (!isWorkflowAction(action)) {
    return refuse(
      'invalid_input',
      'unknown_action',
      `Unknown workflow action ${JSON.stringify(action)}: expected one of ${WORKFLOW_ACTIONS.join(', ')}`,
    )
  }
  const rule = RULES[action]
  const refusal = rule.authorize(article, actor)
  if (refusal !== null) return refusal
  const given = input ?? {}
  const comment = normalizeComment(given.comment)
  if (typeof comment === 'object') return comment
  return rule.apply({ article, actor, input: given, now, comment })
}

/**
 * The actions to offer `actor` on `article` now: those whose role, state and assignment guards
 * pass. Input preconditions (a comment, the content checks, an assignee) are left to `decide`, so
 * an action is listed exactly when `decide` accepts it given valid input. In `WORKFLOW_ACTIONS`
 * order. Needs no content hash: who may act never depends on the text.
 */
export function availableActions(article: ReviewFacts, actor: Actor): WorkflowAction[] {
  assertReviewFacts(article)
  return WORKFLOW_ACTIONS.filter((action) => RULES[action].authorize(article, actor) === null)
}

/**
 * Why `action` is not offered to `actor` on `article` (the reason for a disabled button), or null
 * when it is offered. Agrees with `availableActions`.
 */
export function actionRefusal(
  article: ReviewFacts,
  action: WorkflowAction,
  actor: Actor,
): Refusal | null {
  assertReviewFacts(article)
  return RULES[action].authorize(article, actor)
}

/** One workflow action as a person is offered it: with its label, or the refusal that hides it. */
export interface ActionChoice {
  action: WorkflowAction
  label: string
  refusal: Refusal | null
}

/** Every action in `WORKFLOW_ACTIONS` order, each offered (`refusal: null`) or with its refusal. */
export function actionChoices(article: ReviewFacts, actor: Actor): ActionChoice[] {
  assertReviewFacts(article)
  return WORKFLOW_ACTIONS.map((action) => ({
    action,
    label: ACTION_LABELS[action],
    refusal: RULES[action].authorize(article, actor),
  }))
}

export type EditCheck =
  { ok: true; resultingState: WorkflowState } | (Refusal & { code: 'forbidden' | 'invalid_state' })

/**
 * Whether `actor` may change the content (title, summary, body, variants, citations) of
 * `article`, and the state an edit leaves it in:
 * - authors of the article and staff edit in draft and changes_requested; the state is unchanged;
 * - in the `CONTENT_LOCKED` states (submitted, under_review) the content is locked for everyone
 *   (`invalid_state`, `content_locked`);
 * - in approved, authors of the article and staff may edit: that starts a new revision in
 *   draft, while the approved revision stays published until a newer one is approved;
 * - nobody else edits content, reviewers included (`forbidden`).
 */
export function canEditContent(article: ReviewFacts, actor: Actor): EditCheck {
  assertReviewFacts(article)
  if (!isStaff(actor) && !actsAsAuthor(article, actor)) {
    if (isBoardMember(actor) && !wroteArticle(article, actor)) {
      return forbidden(
        'reviewers_do_not_edit',
        'Reviewers do not edit the content of articles: comment, or request changes from the authors',
      )
    }
    return wroteArticle(article, actor)
      ? forbidden(
          'author_role_missing',
          'You are listed as an author of this article but your account does not have the author role, so you cannot edit it: ask an admin',
        )
      : forbidden('not_an_author', 'Only the authors of this article and editors can edit it')
  }
  if (CONTENT_LOCKED[article.state]) {
    return {
      ...refuse('invalid_state', 'content_locked', LOCK_REASONS[article.state], article.state),
      code: 'invalid_state',
    }
  }
  return { ok: true, resultingState: article.state === 'approved' ? 'draft' : article.state }
}

/** Why the content of an article in a locked state cannot change, and what to do. */
const LOCK_REASONS: Record<WorkflowState, string> = {
  draft: '',
  changes_requested: '',
  approved: '',
  submitted:
    'This article is Submitted, so its content is locked while it waits for review: withdraw it to edit',
  under_review:
    'This article is Under review, so its content is locked: wait for the reviewer to approve it or request changes',
}

function forbidden(
  because: RefusalReason,
  reason: string,
): Refusal & { code: 'forbidden' | 'invalid_state' } {
  return { ...refuse('forbidden', because, reason), code: 'forbidden' }
}

export type EditDecision =
  | { ok: true; resultingState: WorkflowState; event?: WorkflowEvent }
  | (Refusal & { code: 'forbidden' | 'invalid_state' })

/**
 * `canEditContent` for a concrete save whose new content hashes to `newContentHash`: a save that
 * leaves the content unchanged never changes the state (so a locked or approved article can be
 * saved without effect), and an edit of an approved article returns the `edit_after_approval`
 * event (approved -> draft, with the new revision's hash) to append to the audit trail.
 */
export function decideEdit(
  article: ArticleFacts,
  actor: Actor,
  newContentHash: string,
  now: Date,
): EditDecision {
  assertValidDate(now, 'decideEdit: now')
  if (typeof newContentHash !== 'string' || newContentHash === '') {
    throw new TypeError('decideEdit: newContentHash must be a non-empty string')
  }
  assertArticleFacts(article)
  const check = canEditContent(article, actor)
  if (!check.ok && check.code === 'forbidden') return check
  if (newContentHash === article.contentHash) return { ok: true, resultingState: article.state }
  if (!check.ok || check.resultingState === article.state) return check
  return {
    ok: true,
    resultingState: check.resultingState,
    event: {
      type: 'edit_after_approval',
      actorId: actor.id,
      at: new Date(now.getTime()),
      from: article.state,
      to: check.resultingState,
      contentHash: newContentHash,
    },
  }
}

/** Content arriving from outside the workflow (a content folder), and the review it claims. */
export interface ImportInput {
  /** Who imports: an editor, or the system acting as one. */
  importer: Actor
  /** `contentHash()` of the imported revision. */
  contentHash: string
  /** The imported revision names these authors. */
  authorIds: readonly Id[]
  /** The file says a board member approved exactly this content. */
  review?: { reviewer: Actor; at: Date; comment?: string }
  /** Months until re-review, counted from the review's date; default 12. */
  reviewIntervalMonths?: number
  /** Where it came from, for the event's comment when the review gives none. */
  source: string
}

export type ImportDecision =
  | {
      ok: true
      /** Nothing to write: the article already holds exactly this content, review and state. */
      unchanged: boolean
      to: WorkflowState
      event: WorkflowEvent
      /** An approved import publishes this record; reviewers are then `[reviewer]`. */
      publish?: PublishRecord
    }
  | Refusal

/**
 * Importing a revision is a workflow transition like any other, decided here:
 * - a revision with a review becomes `approved` and is published with the review's date as the
 *   approval time; the reviewer must be on the board and must not be one of its authors (the
 *   conflict-of-interest rules of `approve`);
 * - a revision without one is a `draft` (a new draft of an approved article leaves the approved
 *   revision live, as an edit does);
 * - an existing article whose content is locked in review is not overwritten (`content_locked`);
 * - an import that changes nothing (same content hash, and an approval of exactly it when the file
 *   claims one) is `unchanged`.
 * The event is an `import` event by the reviewer (approved) or the importer (draft).
 */
export function decideImport(
  existing: (ArticleFacts & { approvedHash?: string | null }) | undefined,
  input: ImportInput,
  now: Date,
): ImportDecision {
  assertValidDate(now, 'decideImport: now')
  if (existing) assertArticleFacts(existing)
  const { review } = input
  const subject: ReviewFacts = {
    state: existing?.state ?? 'draft',
    authorIds: input.authorIds,
    reviewerIds: [],
    isPublished: existing?.isPublished ?? false,
  }
  if (review) {
    assertValidDate(review.at, 'decideImport: review.at')
    if (wroteArticle(subject, review.reviewer)) {
      return refuse(
        'forbidden',
        'conflict_of_interest',
        'The approving reviewer is an author of this article, so they cannot be its approving reviewer: another board member must approve it',
      )
    }
    if (!isBoardMember(review.reviewer)) {
      return refuse(
        'forbidden',
        'not_on_board',
        'The approving reviewer does not have the reviewer role: only a member of the advisory board can approve an article',
      )
    }
  }
  const months = input.reviewIntervalMonths ?? REVIEW_INTERVAL_MONTHS.default
  if (review && !isValidReviewInterval(months)) return invalidInterval('import', months)
  const to: WorkflowState = review ? 'approved' : 'draft'
  const sameContent = existing?.contentHash === input.contentHash
  const unchanged =
    existing !== undefined &&
    sameContent &&
    (review ? existing.state === 'approved' && existing.approvedHash === input.contentHash : true)
  if (existing && !unchanged && CONTENT_LOCKED[existing.state]) {
    return refuse(
      'invalid_state',
      'content_locked',
      `The article is ${STATE_LABELS[existing.state]} in the CMS, so its content is locked: finish or withdraw that review before importing over it`,
      existing.state,
    )
  }
  const actor = review?.reviewer ?? input.importer
  const at = review?.at ?? now
  const event: WorkflowEvent = {
    type: 'import',
    actorId: actor.id,
    at: new Date(at.getTime()),
    from: existing?.state ?? 'draft',
    to,
    contentHash: input.contentHash,
    comment: review?.comment?.trim() || `Imported from ${input.source}`,
  }
  return {
    ok: true,
    unchanged,
    to,
    event,
    ...(review
      ? { publish: publishRecord(input.contentHash, review.reviewer, review.at, months) }
      : {}),
  }
}

/** Throws a TypeError unless `article` has the shape `ReviewFacts` promises. */
function assertReviewFacts(article: ReviewFacts): void {
  if (!isWorkflowState(article.state)) {
    throw new TypeError(`Unknown workflow state ${JSON.stringify(article.state)}`)
  }
  if (!Array.isArray(article.authorIds) || !Array.isArray(article.reviewerIds)) {
    throw new TypeError('ArticleFacts.authorIds and reviewerIds must be arrays of ids')
  }
  if (typeof article.isPublished !== 'boolean') {
    throw new TypeError('ArticleFacts.isPublished must be a boolean')
  }
}

/** Throws a TypeError unless `article` has the shape `ArticleFacts` promises. */
export function assertArticleFacts(article: ArticleFacts): void {
  assertReviewFacts(article)
  if (typeof article.contentHash !== 'string' || article.contentHash === '') {
    throw new TypeError('ArticleFacts.contentHash must be the non-empty hash of the revision')
  }
}

function refuse(
  code: RefusalCode,
  because: RefusalReason,
  reason: string,
  state?: WorkflowState,
): Refusal {
  return { ok: false, code, because, reason, ...(state === undefined ? {} : { state }) }
}

function invalidInterval(verb: string, months: unknown): Refusal {
  return refuse(
    'invalid_input',
    'interval_invalid',
    `Cannot ${verb}: the re-review interval must be a whole number of months from ${REVIEW_INTERVAL_MONTHS.min} to ${REVIEW_INTERVAL_MONTHS.max}, got ${String(months)}`,
  )
}

/** What an approval by `approver` of the revision hashing to `hash`, at `at`, stores. */
function publishRecord(hash: string, approver: Actor, at: Date, months: number): PublishRecord {
  return {
    approvedHash: hash,
    approverId: approver.id,
    approvedAt: new Date(at.getTime()),
    reviewDue: addMonths(at, months),
  }
}

const VERBS: Record<WorkflowAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  start_review: 'start reviewing',
  request_changes: 'request changes to',
  approve: 'approve',
  unpublish: 'unpublish',
  comment: 'comment on',
}

/** Null when the article is in one of `allowed`, else a refusal built from the state's hint. */
function requireState(
  article: ReviewFacts,
  action: WorkflowAction,
  allowed: readonly WorkflowState[],
  hints: Partial<Record<WorkflowState, string>>,
): Refusal | null {
  if (allowed.includes(article.state)) return null
  const hint = hints[article.state]
  return refuse(
    'invalid_state',
    'wrong_state',
    `Cannot ${VERBS[action]} an article that is ${STATE_LABELS[article.state]}${hint === undefined ? '' : `: ${hint}`}`,
    article.state,
  )
}

function conflictOfInterest(verb: 'review' | 'approve'): Refusal {
  return refuse(
    'forbidden',
    'conflict_of_interest',
    `You wrote this article, so you cannot ${verb} it: another board member must`,
  )
}

/** The refusal for an actor who is neither staff nor the assigned reviewer. */
function notTheReviewer(article: ReviewFacts, actor: Actor, verb: string): Refusal {
  if (wroteArticle(article, actor) && (isBoardMember(actor) || isAssigned(article, actor))) {
    return conflictOfInterest('review')
  }
  if (isAssigned(article, actor) && !hasRole(actor, 'reviewer')) {
    return refuse(
      'forbidden',
      'reviewer_role_missing',
      `You are assigned to this article but no longer hold the reviewer role, so you cannot ${verb} it: ask an admin`,
    )
  }
  return refuse(
    'forbidden',
    'not_assigned',
    `Only the assigned reviewer or an editor can ${verb} this article`,
  )
}

/** The trimmed comment, undefined when absent or blank, or a refusal when unusable. */
function normalizeComment(comment: unknown): string | undefined | Refusal {
  if (comment === undefined || comment === null) return undefined
  if (typeof comment !== 'string') {
    return refuse('invalid_input', 'comment_not_text', 'A comment must be text')
  }
  const trimmed = comment.trim()
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    return refuse(
      'invalid_input',
      'comment_too_long',
      `This comment is ${trimmed.length} characters long; the limit is ${MAX_COMMENT_LENGTH}`,
    )
  }
  return trimmed === '' ? undefined : trimmed
}

function transition(
  article: ArticleFacts,
  action: WorkflowAction,
  actor: Actor,
  to: WorkflowState,
  now: Date,
  comment: string | undefined,
): { ok: true; from: WorkflowState; to: WorkflowState; event: WorkflowEvent } {
  const event: WorkflowEvent = {
    type: action,
    actorId: actor.id,
    at: new Date(now.getTime()),
    from: article.state,
    to,
    contentHash: article.contentHash,
    ...(comment === undefined ? {} : { comment }),
  }
  return { ok: true, from: article.state, to, event }
}

function describeProblem(problem: ContentProblem): string {
  const where =
    problem.line === undefined
      ? problem.field
      : `line ${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`
  return where === undefined ? problem.message : `${where}: ${problem.message}`
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/**
 * The audit event saying that an approved revision passed its re-review date (see `isOverdue`):
 * no state changes, the approved revision stays live with an overdue notice. Undefined when it is
 * not overdue at `now`.
 */
export function overdueEvent(
  published: { state: WorkflowState; approvedHash: string; reviewDue: Date | string | null },
  actor: Actor,
  now: Date,
): WorkflowEvent | undefined {
  if (!isOverdue(published.reviewDue, now)) return undefined
  const due = new Date(published.reviewDue!)
  return {
    type: 'review_overdue',
    actorId: actor.id,
    at: new Date(now.getTime()),
    from: published.state,
    to: published.state,
    contentHash: published.approvedHash,
    comment: `Re-review was due ${due.toISOString().slice(0, 10)}.`,
  }
}
