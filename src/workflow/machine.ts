import { addMonths, assertValidDate } from './dates'
import {
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  MAX_COMMENT_LENGTH,
  MAX_REVIEW_INTERVAL_MONTHS,
  STATE_LABELS,
  WORKFLOW_ACTIONS,
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
  Refusal,
  RefusalCode,
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
  authorize(article: ArticleFacts, actor: Actor): Refusal | null
  /** Input checks and the outcome, once authorized. */
  apply(context: Context): Decision
}

const RULES: Record<WorkflowAction, Rule> = {
  submit: {
    authorize(article, actor) {
      if (!isStaff(actor) && !actsAsAuthor(article, actor)) {
        return refuse(
          'forbidden',
          wroteArticle(article, actor)
            ? 'You are listed as an author of this article but your account does not have the author role, so you cannot submit it: ask an admin'
            : 'Only an author of this article or an editor can submit it',
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
          'Cannot submit without the results of the content checks on the current revision: the server must run them first',
        )
      }
      const errors = input.problems.filter((problem) => problem.severity === 'error')
      if (errors.length > 0) {
        return {
          ok: false,
          code: 'content_problems',
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
        return refuse('forbidden', 'Only an author of this article or an editor can withdraw it')
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
            'Only a member of the advisory board (a reviewer) or an editor can start a review',
          )
        }
        if (wroteArticle(article, actor)) return refuse('forbidden', conflictOfInterest('review'))
        if (article.reviewerIds.length > 0 && !isAssigned(article, actor)) {
          return refuse(
            'forbidden',
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
            'Only an editor can assign a review to someone else: you can claim it yourself',
          )
        }
        reviewerId = actor.id
      } else if (assignee !== undefined) {
        if (!isBoardMember(assignee)) {
          return refuse(
            'invalid_input',
            'Cannot assign this review: the person chosen is not a member of the advisory board (reviewer role)',
          )
        }
        if (wroteArticle(article, assignee)) {
          return refuse(
            'invalid_input',
            'Cannot assign this review: the person chosen wrote this article, so another board member must review it',
          )
        }
        reviewerId = assignee.id
      } else if (mayReview(article, actor)) {
        reviewerId = actor.id
      } else {
        return refuse(
          'invalid_input',
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
        return refuse('forbidden', notTheReviewer(article, actor, 'request changes to'))
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
          'Say what needs to change: a comment is required to request changes',
        )
      }
      return transition(article, 'request_changes', actor, 'changes_requested', now, comment)
    },
  },

  approve: {
    authorize(article, actor) {
      // Checked before staff powers: nobody signs off on their own work, editors included.
      if (wroteArticle(article, actor)) return refuse('forbidden', conflictOfInterest('approve'))
      if (!isStaff(actor) && !actsAsAssignedReviewer(article, actor)) {
        return refuse('forbidden', notTheReviewer(article, actor, 'approve'))
      }
      return requireState(article, 'approve', ['under_review'], {
        draft: 'it has not been submitted for review',
        submitted: 'start the review first',
        changes_requested: 'wait for the author to revise and resubmit it',
        approved: 'it is already approved',
      })
    },
    apply({ article, actor, input, now, comment }) {
      const months = input.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS
      if (!Number.isInteger(months) || months < 1 || months > MAX_REVIEW_INTERVAL_MONTHS) {
        return refuse(
          'invalid_input',
          `Cannot approve: the re-review interval must be a whole number of months from 1 to ${MAX_REVIEW_INTERVAL_MONTHS}, got ${String(months)}`,
        )
      }
      return {
        ...transition(article, 'approve', actor, 'approved', now, comment),
        publish: {
          approvedHash: article.contentHash,
          approverId: actor.id,
          approvedAt: new Date(now.getTime()),
          reviewDue: addMonths(now, months),
        },
      }
    },
  },

  unpublish: {
    authorize(article, actor) {
      if (!isStaff(actor)) return refuse('forbidden', 'Only an editor can unpublish an article')
      if (!article.isPublished) {
        return refuse('invalid_state', 'Cannot unpublish this article: it is not on the site')
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
      if (!isStaff(actor) && !isBoardMember(actor) && !actsAsAuthor(article, actor)) {
        return refuse(
          'forbidden',
          'Only the authors of this article, members of the advisory board and editors can comment on it',
        )
      }
      return null
    },
    apply({ article, actor, now, comment }) {
      if (comment === undefined)
        return refuse('invalid_input', 'Write a comment first: it is empty')
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
 *   article; returns `publish` (due in `reviewIntervalMonths`, 1-120, default 12).
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
 * order.
 */
export function availableActions(article: ArticleFacts, actor: Actor): WorkflowAction[] {
  assertArticleFacts(article)
  return WORKFLOW_ACTIONS.filter((action) => RULES[action].authorize(article, actor) === null)
}

/**
 * Why `action` is not offered to `actor` on `article` (the reason for a disabled button), or null
 * when it is offered. Agrees with `availableActions`.
 */
export function actionRefusal(
  article: ArticleFacts,
  action: WorkflowAction,
  actor: Actor,
): Refusal | null {
  assertArticleFacts(article)
  return RULES[action].authorize(article, actor)
}

export type EditCheck =
  | { ok: true; resultingState: WorkflowState }
  | { ok: false; code: 'forbidden' | 'invalid_state'; reason: string }

/**
 * Whether `actor` may change the content (title, summary, body, variants, citations) of
 * `article`, and the state an edit leaves it in:
 * - authors of the article and staff edit in draft and changes_requested; the state is unchanged;
 * - in submitted and under_review the content is locked for everyone (`invalid_state`);
 * - in approved, authors of the article and staff may edit: that starts a new revision in
 *   draft, while the approved revision stays published until a newer one is approved;
 * - nobody else edits content, reviewers included (`forbidden`).
 */
export function canEditContent(article: ArticleFacts, actor: Actor): EditCheck {
  assertArticleFacts(article)
  if (!isStaff(actor) && !actsAsAuthor(article, actor)) {
    return {
      ok: false,
      code: 'forbidden',
      reason:
        isBoardMember(actor) && !wroteArticle(article, actor)
          ? 'Reviewers do not edit the content of articles: comment, or request changes from the authors'
          : wroteArticle(article, actor)
            ? 'You are listed as an author of this article but your account does not have the author role, so you cannot edit it: ask an admin'
            : 'Only the authors of this article and editors can edit it',
    }
  }
  switch (article.state) {
    case 'draft':
    case 'changes_requested':
      return { ok: true, resultingState: article.state }
    case 'submitted':
      return {
        ok: false,
        code: 'invalid_state',
        reason:
          'This article is Submitted, so its content is locked while it waits for review: withdraw it to edit',
      }
    case 'under_review':
      return {
        ok: false,
        code: 'invalid_state',
        reason:
          'This article is Under review, so its content is locked: wait for the reviewer to approve it or request changes',
      }
    case 'approved':
      return { ok: true, resultingState: 'draft' }
  }
}

export type EditDecision =
  | { ok: true; resultingState: WorkflowState; event?: WorkflowEvent }
  | { ok: false; code: 'forbidden' | 'invalid_state'; reason: string }

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

/** Throws a TypeError unless `article` has the shape `ArticleFacts` promises. */
export function assertArticleFacts(article: ArticleFacts): void {
  if (!isWorkflowState(article.state)) {
    throw new TypeError(`Unknown workflow state ${JSON.stringify(article.state)}`)
  }
  if (!Array.isArray(article.authorIds) || !Array.isArray(article.reviewerIds)) {
    throw new TypeError('ArticleFacts.authorIds and reviewerIds must be arrays of ids')
  }
  if (typeof article.isPublished !== 'boolean') {
    throw new TypeError('ArticleFacts.isPublished must be a boolean')
  }
  if (typeof article.contentHash !== 'string' || article.contentHash === '') {
    throw new TypeError('ArticleFacts.contentHash must be the non-empty hash of the revision')
  }
}

function refuse(code: RefusalCode, reason: string): Refusal {
  return { ok: false, code, reason }
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
  article: ArticleFacts,
  action: WorkflowAction,
  allowed: readonly WorkflowState[],
  hints: Partial<Record<WorkflowState, string>>,
): Refusal | null {
  if (allowed.includes(article.state)) return null
  const hint = hints[article.state]
  return refuse(
    'invalid_state',
    `Cannot ${VERBS[action]} an article that is ${STATE_LABELS[article.state]}${hint === undefined ? '' : `: ${hint}`}`,
  )
}

function conflictOfInterest(verb: 'review' | 'approve'): string {
  return `You wrote this article, so you cannot ${verb} it: another board member must`
}

/** The reason an actor who is neither staff nor the assigned reviewer cannot decide. */
function notTheReviewer(article: ArticleFacts, actor: Actor, verb: string): string {
  if (wroteArticle(article, actor) && (isBoardMember(actor) || isAssigned(article, actor))) {
    return conflictOfInterest('review')
  }
  if (isAssigned(article, actor) && !hasRole(actor, 'reviewer')) {
    return `You are assigned to this article but no longer hold the reviewer role, so you cannot ${verb} it: ask an admin`
  }
  return `Only the assigned reviewer or an editor can ${verb} this article`
}

/** The trimmed comment, undefined when absent or blank, or a refusal when unusable. */
function normalizeComment(comment: unknown): string | undefined | Refusal {
  if (comment === undefined || comment === null) return undefined
  if (typeof comment !== 'string') return refuse('invalid_input', 'A comment must be text')
  const trimmed = comment.trim()
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    return refuse(
      'invalid_input',
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
