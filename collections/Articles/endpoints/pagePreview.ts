import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Article, User } from '../../../payload-types'
import { siteUrl } from '../../../src/config/env'
import { MARKDOWN_LIMITS } from '../../../src/markdown'
import { fromStored } from '../../../src/references'
import { INITIAL_STATE } from '../../../src/workflow'
import { personRef } from '../../../src/publish/people'
import type { PersonRef } from '../../../src/site/types'
import { budgetProblem, renderPool } from '../../../src/render'
import { VARIANT_AUDIENCES } from '../../../src/site/audiences'
import type { ArticleEvent } from '../../../src/site/view'
import { findCitations } from '../workflow/facts'
import { renderOptions } from '../../../src/content/renderOptions'
import { readBody, refusal } from './respond'

const id = z.union([z.string().min(1), z.number()])
const text = (max: number) => z.string().max(max).nullish()
// Bodies: up to four times the limit, so one over it gets the check's positioned message.

/** The article as the edit form holds it (saved or not). */
export const pagePreviewRequestSchema = z.object({
  /** The article being edited, when it has been saved: its state and history frame the page. */
  id: id.optional(),
  title: text(1_000),
  summary: text(5_000),
  topics: z.array(z.string().max(200)).max(50).nullish(),
  body: text(MARKDOWN_LIMITS.maxLength * 4),
  variants: z
    .array(
      z.object({
        audience: z.enum(VARIANT_AUDIENCES),
        title: text(1_000),
        summary: text(5_000),
        body: text(MARKDOWN_LIMITS.maxLength * 4),
      }),
    )
    .max(VARIANT_AUDIENCES.length)
    .nullish(),
  citations: z.array(id).max(500).nullish(),
  authors: z.array(id).max(50).nullish(),
})
export type PagePreviewRequest = z.infer<typeof pagePreviewRequestSchema>

/**
 * `POST /api/articles/preview-page` with the edit form's content: the whole article page as a
 * reader would see it (`text/html`): the site's own page component, the site settings' disclaimer
 * and call to action, every audience version with the audience switch, the pending-review banner.
 * Everything is read as the signed-in person may read it.
 */
export const pagePreviewEndpoint: Endpoint = {
  path: '/preview-page',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    if (!user || user.collection !== 'users') {
      return refusal(401, 'Sign in to preview an article')
    }
    const body = await readBody(req, pagePreviewRequestSchema, '{ "title": "…", "body": "…" }')
    if (!body.ok) return body.response
    try {
      const html = await renderPreviewPage(req, body.data, user)
      return new Response(html, {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'X-Robots-Tag': 'noindex',
        },
      })
    } catch (error) {
      const problem = budgetProblem(error)
      if (!problem) throw error
      return refusal(422, problem.message, { code: 'content_problems', problems: [problem] })
    }
  },
}

/** The approval of a revision that is the live, approved one (a preview link may show it). */
export interface PreviewApproval {
  at: string
  by: PersonRef
  reviewDue?: string
}

/**
 * The whole page of a revision as readers would see it, with the caution banner unless
 * `approval` says it is the approved, live revision:
 * the content as given (the edit form's, or a stored revision's), its references, authors and,
 * for a saved article, its state and history. Read as `user` may read them; without one (a
 * preview link, which names its one revision), as the server. Throws the render pool's budget
 * error for a document past its budget.
 */
export async function renderPreviewPage(
  req: PayloadRequest,
  input: PagePreviewRequest,
  user?: PayloadRequest['user'],
  approval?: PreviewApproval,
): Promise<string> {
  const as = user ? ({ req, overrideAccess: false, user } as const) : ({ req } as const)
  const [settings, citations, authors, saved] = await Promise.all([
    req.payload.findGlobal({ slug: 'site-settings', depth: 0, ...as }),
    findCitations(req, input.citations ?? [], user ?? undefined),
    input.authors?.length
      ? req.payload
          .find({
            collection: 'users',
            where: { id: { in: input.authors } },
            depth: 0,
            pagination: false,
            ...as,
          })
          .then((found) => found.docs)
      : Promise.resolve([] as User[]),
    input.id === undefined
      ? Promise.resolve(undefined)
      : req.payload
          .findByID({ collection: 'articles', id: input.id, draft: true, depth: 0, ...as })
          .catch(() => undefined as Article | undefined),
  ])
  const events: ArticleEvent[] = saved
    ? (
        await req.payload.find({
          collection: 'reviews',
          where: { article: { equals: saved.id } },
          sort: 'at',
          depth: 1,
          pagination: false,
          ...as,
        })
      ).docs.map((e) => ({
        type: e.type,
        at: e.at,
        actor: typeof e.actor === 'object' && e.actor ? personRef(e.actor) : undefined,
        comment: e.comment ?? undefined,
        from: e.from ?? undefined,
        to: e.to ?? undefined,
      }))
    : []
  const byId = new Map(authors.map((a) => [String(a.id), a]))
  const source = {
    slug: saved?.slug ?? 'preview',
    title: input.title?.trim() || 'Untitled question',
    summary: input.summary?.trim() || undefined,
    topics: input.topics ?? undefined,
    body: input.body ?? '',
    variants: (input.variants ?? []).map((v) => ({
      audience: v.audience,
      title: v.title ?? undefined,
      summary: v.summary ?? undefined,
      body: v.body ?? '',
    })),
    references: citations.map(fromStored),
    authors: (input.authors ?? []).flatMap((a) => {
      const person = byId.get(String(a))
      return person ? [personRef(person)] : []
    }),
    // Unreviewed content carries the caution banner, as it would on the site.
    approved: approval !== undefined,
    ...(approval
      ? { approval: { at: approval.at, by: approval.by }, reviewDue: approval.reviewDue }
      : {}),
    state: saved?.state ?? INITIAL_STATE,
    updatedAt: saved?.updatedAt ?? new Date().toISOString(),
    events,
  }
  const { html } = await renderPool().run('article-page', {
    options: await renderOptions(req),
    settings,
    baseUrl: siteUrl(),
    source,
    now: new Date().toISOString(),
  })
  return html
}
