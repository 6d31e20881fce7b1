import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

/** An error in the body shape Payload's own endpoints use, so every client reads one form. */
export function refusal(status: number, message: string, data?: Record<string, unknown>): Response {
  return Response.json({ errors: [{ message, data }] }, { status })
}

/**
 * The request's JSON body checked against `schema`: the parsed value, or a 400 response that says
 * what is wrong (`usage` shows the expected shape when the body is not JSON at all).
 */
export async function readBody<T extends z.ZodType>(
  req: PayloadRequest,
  schema: T,
  usage: string,
): Promise<{ ok: true; data: z.infer<T> } | { ok: false; response: Response }> {
  let body: unknown
  try {
    body = await req.json?.()
  } catch {
    return { ok: false, response: refusal(400, `The request body must be JSON: ${usage}`) }
  }
  const parsed = schema.safeParse(body)
  if (parsed.success) return { ok: true, data: parsed.data }
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
  return { ok: false, response: refusal(400, `Invalid request: ${issues.join('; ')}`) }
}
