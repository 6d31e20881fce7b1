import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import config from '../../payload.config'
import { withBodyLimit } from '../../src/config/requestLimits'
import { guardRest } from '../../src/config/restGuard'

const BASE = 'http://localhost:3999'
// Wrapped as src/app/(payload)/api mounts them.
const handlers = {
  GET: guardRest(config, REST_GET(config)),
  POST: guardRest(config, REST_POST(config)),
  PATCH: guardRest(config, REST_PATCH(config)),
  DELETE: guardRest(config, REST_DELETE(config)),
}
const graphql = withBodyLimit(GRAPHQL_POST(config))

/** Route params as Next.js gives them: each segment decoded, or kept as sent when it cannot be. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export interface ApiResponse<T = any> {
  status: number
  body: T
}

/**
 * The REST API as the app serves it: each call goes through Payload's Next.js route handlers
 * (the same functions src/app/(payload)/api mounts) with a real Request, in this process.
 */
export class RestClient {
  constructor(private token?: string) {}

  /** A client signed in as `email`, through POST /api/users/login. */
  static async login(email: string, password: string): Promise<RestClient> {
    const res = await new RestClient().request('POST', '/users/login', { email, password })
    if (res.status !== 200)
      throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
    return new RestClient(res.body.token)
  }

  async request<T = any>(
    method: keyof typeof handlers,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await this.raw(method, path, {
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: res.text ? JSON.parse(res.text) : undefined }
  }

  /**
   * Any request as sent (`path` after /api, not re-encoded; any body and headers), answered as
   * text: for malformed and oversized input, where the answer may not be JSON.
   */
  async raw(
    method: keyof typeof handlers,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit } = {},
  ): Promise<{ status: number; text: string; headers: Headers }> {
    const url = new URL(`/api${path}`, BASE)
    const headers: Record<string, string> = { ...init.headers }
    if (this.token) headers.Authorization = `JWT ${this.token}`
    const request = new Request(url, {
      method,
      headers,
      body: init.body,
      duplex: 'half',
    } as RequestInit)
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeSegment)
    const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
    return { status: response.status, text: await response.text(), headers: response.headers }
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path)
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {})
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body)
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path)
  }

  /** POST /api/graphql, as the app serves it. */
  async graphql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (this.token) headers.Authorization = `JWT ${this.token}`
    const response = await graphql(
      new Request(new URL('/api/graphql', BASE), {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      }),
    )
    return { status: response.status, body: await response.json() }
  }
}

/**
 * Takes article `id` from draft to approved as people do, through the workflow endpoint: its
 * author submits, the reviewer starts the review, ticks each reference not yet verified (a new
 * site approves only verified references) and approves (with `comment`, if any). Fails the test
 * with the refusal when a step is refused.
 */
export async function approveThroughWorkflow(
  id: string | number,
  author: RestClient,
  reviewer: RestClient,
  comment?: string,
): Promise<void> {
  const expectOk = (what: string, res: ApiResponse) => {
    if (res.status !== 200) {
      throw new Error(
        `${what} of article ${id} answered ${res.status}: ${JSON.stringify(res.body)}`,
      )
    }
  }
  expectOk('submit', await author.post(`/articles/${id}/workflow`, { action: 'submit' }))
  expectOk(
    'start_review',
    await reviewer.post(`/articles/${id}/workflow`, { action: 'start_review' }),
  )
  const status = await reviewer.get(`/articles/${id}/workflow`)
  expectOk('the review status', status)
  for (const item of status.body.references.items as { id: number; verified: boolean }[]) {
    if (!item.verified) {
      expectOk(
        'verifying a reference',
        await reviewer.patch(`/citations/${item.id}`, { verified: true }),
      )
    }
  }
  expectOk(
    'approve',
    await reviewer.post(`/articles/${id}/workflow`, { action: 'approve', comment }),
  )
}
