import type { Endpoint } from 'payload'
import { z } from 'zod'

import { type ContentProblem, MARKDOWN_LIMITS } from '../../../src/markdown'
import { fromStored } from '../../../src/references'
import { budgetProblem, renderPool } from '../../../src/render'
import { findCitations } from '../workflow/facts'
import { renderOptions } from '../../../src/content/renderOptions'
import { readBody, refusal } from './respond'

/** What the admin's Markdown editor sends while an author types. */
export const previewRequestSchema = z.strictObject({
  // Up to four times what a body may hold, so a body over the limit gets the check's positioned
  // message (input-too-large) rather than a bare refusal; beyond that the request is refused.
  markdown: z.string().max(MARKDOWN_LIMITS.maxLength * 4),
  /** The article's citations (ids), in order: what `[@key]` may refer to. */
  citations: z
    .array(z.union([z.string().min(1), z.number()]))
    .max(500)
    .default([]),
  /** An audience version's body: it cites a subset of the article's references. */
  variant: z.boolean().optional(),
  /** Prefix for the ids in the HTML, so several previews can share the admin page. */
  idPrefix: z
    .string()
    .regex(/^[a-z0-9-]{0,60}$/)
    .optional(),
})

export interface PreviewResult {
  /** The version as the article page shows it: sanitized text, contents and references. */
  html: string
  problems: ContentProblem[]
}

/**
 * `POST /api/articles/preview` with `{ markdown, citations, variant? }`: the live preview and the
 * content problems of Markdown being edited, rendered by the pipeline and the page component that
 * publish it, in the render pool (a text that exceeds the render budget is a content problem, not
 * a stuck request). Citations are read as the signed-in user may see them; unknown ids are left out
 * (and any `[@key]` that needed them is then reported as unknown).
 */
export const previewEndpoint: Endpoint = {
  path: '/preview',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    if (!user) return refusal(401, 'Sign in to preview an article')
    const body = await readBody(req, previewRequestSchema, '{ "markdown": "…", "citations": [] }')
    if (!body.ok) return body.response
    const { markdown, citations: ids, variant, idPrefix } = body.data
    const citations = await findCitations(req, ids, user)
    try {
      const result = await renderPool().run('preview-document', {
        options: await renderOptions(req),
        markdown,
        references: citations.map(fromStored),
        variant: variant ?? false,
        idPrefix,
      })
      return Response.json(result satisfies PreviewResult)
    } catch (error) {
      const problem = budgetProblem(error)
      if (!problem) throw error
      return Response.json({ html: '', problems: [problem] } satisfies PreviewResult)
    }
  },
}
