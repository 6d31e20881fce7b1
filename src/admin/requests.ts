import type { ContentProblem } from '../markdown/types'

/** A refused request, from the API's `{ errors: [{ message, data: { code, problems } }] }`. */
export interface Refused {
  status: number
  message: string
  /** The refusal code (`forbidden`, `invalid_state`, `conflict`, …), when the server gave one. */
  code?: string
  /** The precise reason (`content_problems`, `state_moved_on`, …), for deciding what to show. */
  because?: string
  problems?: ContentProblem[]
}

/** What went wrong with a failed API response, in the server's words where it gave any. */
export async function refusalOf(res: Response): Promise<Refused> {
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  const first = (body as { errors?: { message?: string; data?: Record<string, unknown> }[] })
    ?.errors?.[0]
  const data = first?.data ?? {}
  return {
    status: res.status,
    message:
      first?.message ??
      (res.status === 401
        ? 'You are signed out: sign in again and retry.'
        : `The server answered ${res.status} ${res.statusText}`.trim()),
    code: typeof data.code === 'string' ? data.code : undefined,
    because: typeof data.because === 'string' ? data.because : undefined,
    problems: Array.isArray(data.problems) ? (data.problems as ContentProblem[]) : undefined,
  }
}

export const errorMessageOf = async (res: Response) => (await refusalOf(res)).message
