import { z } from 'zod'

/**
 * Reader questions: what the follow-up form on an article page sends and what the server accepts.
 * The page is static HTML; its form posts to this endpoint on the same server.
 */
export const QUESTION_ENDPOINT = '/api/questions/ask'

/** Sizes the form enforces and the server checks again. */
export const QUESTION_LIMITS = {
  questionMin: 10,
  questionMax: 2000,
  emailMax: 254,
  slugMax: 200,
  /** A whole request body larger than this is refused unread. */
  bodyBytes: 8 * 1024,
} as const

/**
 * The honeypot: a field people never see or fill (it is off-screen and says to leave it empty);
 * form-filling robots do. A submission with it filled is answered as if accepted and not stored.
 */
export const QUESTION_TRAP_FIELD = 'website'

export const questionSubmissionSchema = z.object({
  question: z
    .string()
    .trim()
    .min(QUESTION_LIMITS.questionMin, `Write at least ${QUESTION_LIMITS.questionMin} characters.`)
    .max(QUESTION_LIMITS.questionMax, `Keep it under ${QUESTION_LIMITS.questionMax} characters.`),
  email: z
    .union([z.literal(''), z.email('That email address does not look right.')])
    .optional()
    .transform((v) => v || undefined),
  article: z.string().trim().max(QUESTION_LIMITS.slugMax).optional(),
  [QUESTION_TRAP_FIELD]: z.string().max(500).optional(),
})

export type QuestionSubmission = z.infer<typeof questionSubmissionSchema>

export type QuestionDecision =
  | { kind: 'store'; question: string; email?: string; article?: string }
  | { kind: 'discard' }
  | { kind: 'invalid'; message: string }

/** What to do with a submitted form: store it, quietly discard it (a robot), or refuse it. */
export function decideQuestion(input: unknown): QuestionDecision {
  const parsed = questionSubmissionSchema.safeParse(input)
  if (!parsed.success) {
    return { kind: 'invalid', message: parsed.error.issues.map((i) => i.message).join(' ') }
  }
  if (parsed.data[QUESTION_TRAP_FIELD]) return { kind: 'discard' }
  const { question, email, article } = parsed.data
  return { kind: 'store', question, email, article: article || undefined }
}

/**
 * A sliding-window limit on questions: at most `perSender` from one sender (by address) and
 * `overall` from everyone within `windowMs`, so no one can flood the editors' list or the database.
 */
export class QuestionRateLimit {
  private readonly times = new Map<string, number[]>()
  private all: number[] = []

  constructor(
    private readonly limits = { perSender: 5, overall: 200, windowMs: 10 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question from `sender` and returns true, or returns false when over a limit. */
  take(sender: string): boolean {
    const now = this.now()
    const since = now - this.limits.windowMs
    this.all = this.all.filter((t) => t > since)
    const mine = (this.times.get(sender) ?? []).filter((t) => t > since)
    if (mine.length >= this.limits.perSender || this.all.length >= this.limits.overall) {
      this.times.set(sender, mine)
      return false
    }
    mine.push(now)
    this.times.set(sender, mine)
    this.all.push(now)
    // Senders whose window has passed are forgotten.
    if (this.times.size > 10_000) {
      for (const [key, list] of this.times) if (!list.some((t) => t > since)) this.times.delete(key)
    }
    return true
  }
}
