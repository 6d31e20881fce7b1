import type { ContentProblem } from '../../../src/markdown'
import type { RefusalCode } from '../../../src/workflow'

export const REFUSAL_STATUS: Record<RefusalCode | 'conflict' | 'unauthenticated', number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid_state: 409,
  conflict: 409,
  invalid_input: 400,
  content_problems: 422,
}

/**
 * A refused workflow action: what and why, with an HTTP status and, for submit, the problems.
 * `status` and `data` are what Payload's REST and GraphQL error handlers pass on to the caller.
 */
export class WorkflowRefusal extends Error {
  readonly status: number
  readonly data: { code: string; problems?: ContentProblem[] }
  constructor(
    readonly code: keyof typeof REFUSAL_STATUS,
    reason: string,
    readonly problems?: ContentProblem[],
  ) {
    super(reason)
    this.name = 'WorkflowRefusal'
    this.status = REFUSAL_STATUS[code]
    this.data = { code, problems }
  }
}
