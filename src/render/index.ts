import { readEnv } from '../config/env'
import type { ContentProblem } from '../workflow'
import { createRenderPool, RenderError, type RenderPool } from './pool'

export { createRenderPool, RenderError, type RenderFailure, type RenderPool } from './pool'
export type { RenderTaskKind, RenderTasks } from './tasks'

let shared: RenderPool | undefined

/**
 * This process's render pool, made on first use with the budgets from the environment
 * (RENDER_WORKERS, RENDER_TIMEOUT_MS, RENDER_MEMORY_MB; RENDER_PROFILE_DIR to profile it): what
 * the server's endpoints, the importer and the workflow render Markdown with.
 */
export function renderPool(): RenderPool {
  if (!shared) {
    const env = readEnv()
    shared = createRenderPool({
      size: env.RENDER_WORKERS,
      timeoutMs: env.RENDER_TIMEOUT_MS,
      memoryMb: env.RENDER_MEMORY_MB,
      profileDir: env.RENDER_PROFILE_DIR,
    })
  }
  return shared
}

/**
 * A render that ran out of its budget, as a content problem an author can act on; undefined for
 * failures that are not the content's doing (a closed pool, a bug: those are server errors).
 */
export function budgetProblem(error: unknown): ContentProblem | undefined {
  if (!(error instanceof RenderError)) return undefined
  if (error.failure !== 'timeout' && error.failure !== 'memory') return undefined
  return {
    ruleId: 'render-budget',
    severity: 'error',
    message: `This text could not be rendered: ${error.message}. Simplify it (very deep nesting of lists or quotes, or thousands of unclosed brackets, are the usual causes) and try again.`,
    field: 'body',
  }
}
