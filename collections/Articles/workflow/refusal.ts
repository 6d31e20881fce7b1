import { APIError } from 'payload'

import type {
  ContentProblem,
  Refusal,
  RefusalCode,
  RefusalReason,
  WorkflowState,
} from '../../../src/workflow'

export const REFUSAL_STATUS: Record<RefusalCode | 'conflict' | 'unauthenticated', number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid_state: 409,
  conflict: 409,
  invalid_input: 400,
  content_problems: 422,
}

/**
 * The reasons the server adds to the workflow's own (`RefusalReason`), for refusals that are about
 * the request rather than the rules: not signed in, no such article, the article moved on since
 * the person looked, saving past the workflow.
 */
export type RequestRefusalReason =
  | 'unauthenticated'
  | 'not_found'
  | 'state_moved_on'
  | 'content_changed'
  | 'unknown_assignee'
  | 'drafts_only'
  | 'published_delete'
  | 'has_history'
  | 'in_audit_trail'
  | 'deactivated'
  | 'list_yourself'

/** What a refusal tells a program, in `errors[0].data`: never parse the message. */
export interface RefusalData {
  code: keyof typeof REFUSAL_STATUS
  because: RefusalReason | RequestRefusalReason
  state?: WorkflowState
  problems?: ContentProblem[]
}

/**
 * A refused workflow action: what and why, with an HTTP status, the structured reason and, for
 * submit, the problems. An `APIError`, so Payload's REST and GraphQL error handlers pass `status`
 * and `data` on to the caller whichever operation (an action, a save, a delete, a login) refused.
 */
export class WorkflowRefusal extends APIError<RefusalData> {
  readonly code: keyof typeof REFUSAL_STATUS
  readonly because: RefusalReason | RequestRefusalReason
  constructor(
    code: keyof typeof REFUSAL_STATUS,
    because: RefusalReason | RequestRefusalReason,
    reason: string,
    detail: { problems?: ContentProblem[]; state?: WorkflowState } = {},
  ) {
    super(reason, REFUSAL_STATUS[code], { code, because, ...detail }, true)
    this.name = 'WorkflowRefusal'
    this.code = code
    this.because = because
  }

  /** The refusal the state machine decided, as an error for the API. */
  static of(refusal: Refusal): WorkflowRefusal {
    return new WorkflowRefusal(refusal.code, refusal.because, refusal.reason, {
      problems: refusal.problems,
      state: refusal.state,
    })
  }

  get problems(): ContentProblem[] | undefined {
    return this.data.problems
  }
}
