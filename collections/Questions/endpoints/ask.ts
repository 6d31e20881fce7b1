import type { Endpoint, PayloadRequest } from 'payload'

import {
  decideQuestion,
  QUESTION_ENDPOINT,
  QUESTION_LIMITS,
  QuestionRateLimit,
} from '../../../src/site/questions'
import { refusal } from '../../Articles/endpoints/respond'

const limit = new QuestionRateLimit()

/** The sender as far as the limit cares: the client address the server was given. */
const senderOf = (req: PayloadRequest): string =>
  req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ||
  req.headers.get('x-real-ip') ||
  'unknown'

const accepted = () =>
  Response.json(
    { message: 'Thank you: your question was sent to the editorial team.' },
    { status: 201 },
  )

/**
 * `POST /api/questions/ask` with `{ question, email?, article? }` (JSON): a reader's follow-up
 * question, stored for the editors. No account needed; the rules are `decideQuestion` and
 * `QuestionRateLimit` in src/site/questions.
 */
export const askEndpoint: Endpoint = {
  path: QUESTION_ENDPOINT.replace('/api/questions', ''),
  method: 'post',
  handler: async (req) => {
    const length = Number(req.headers.get('content-length') ?? 0)
    if (length > QUESTION_LIMITS.bodyBytes) return refusal(413, 'The question is too long.')
    let body: unknown
    try {
      const text = (await req.text?.()) ?? ''
      if (text.length > QUESTION_LIMITS.bodyBytes) return refusal(413, 'The question is too long.')
      body = JSON.parse(text)
    } catch {
      return refusal(400, 'Send the question as JSON: { "question": "…" }.')
    }
    const decision = decideQuestion(body)
    if (decision.kind === 'invalid')
      return refusal(400, decision.message, { code: 'invalid_input' })
    if (decision.kind === 'discard') return accepted()
    if (!limit.take(senderOf(req))) {
      return refusal(429, 'Too many questions from here just now: please try again later.', {
        code: 'rate_limited',
      })
    }
    // The article whose page the question came from. Only editors read questions, so a made-up
    // slug links at most to an article they may see anyway.
    const article = decision.article
      ? (
          await req.payload.find({
            collection: 'articles',
            where: { slug: { equals: decision.article } },
            depth: 0,
            limit: 1,
            pagination: false,
            select: { slug: true },
            req,
          })
        ).docs[0]
      : undefined
    // Server code with its own checks: no API caller may create questions directly.
    await req.payload.create({
      collection: 'questions',
      data: {
        question: decision.question,
        email: decision.email,
        article: article?.id,
        status: 'new',
      },
      overrideAccess: true,
      req,
    })
    return accepted()
  },
}
