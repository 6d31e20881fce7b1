/**
 * The most a request body may hold, in bytes. The largest honest request is an article saved with
 * its audience versions; anything past this is refused before it is parsed.
 */
export const MAX_REQUEST_BODY_BYTES = 4 * 1024 * 1024

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response> | Response

function tooLarge(limit: number): Response {
  return Response.json(
    {
      errors: [
        {
          message: `The request body is larger than ${limit} bytes.`,
          data: { code: 'body_too_large', limit },
        },
      ],
    },
    { status: 413, headers: { connection: 'close' } },
  )
}

/**
 * The body read whole, or null once it passes `limit` (reading stops there: a client that lies
 * about, or leaves out, its Content-Length cannot make the server hold more).
 */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    body.set(chunk, at)
    at += chunk.byteLength
  }
  return body
}

/**
 * A route handler that answers 413 to a body over `limit` bytes, declared or sent, and hands the
 * rest on unchanged.
 */
export function withBodyLimit<A extends unknown[]>(
  handler: Handler<A>,
  limit: number = MAX_REQUEST_BODY_BYTES,
): Handler<A> {
  return async (request, ...rest) => {
    const declared = Number(request.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > limit) return tooLarge(limit)
    if (request.method === 'GET' || request.method === 'HEAD' || !request.body) {
      return handler(request, ...rest)
    }
    const body = await readLimited(request, limit)
    if (!body) return tooLarge(limit)
    return handler(new Request(request, { body, duplex: 'half' } as RequestInit), ...rest)
  }
}
