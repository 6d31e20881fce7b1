import type { Endpoint } from 'payload'
import { z } from 'zod'

import {
  checkArticle,
  type ContentProblem,
  createMarkdownProcessor,
  type MarkdownProcessor,
  renderReferenceList,
  toHtml,
  toProblems,
} from '../../../src/markdown'
import {
  type CitationStyle,
  DEFAULT_CITATION_STYLE,
  fromStored,
  isCitationStyle,
} from '../../../src/references'
import { findCitations } from '../workflow/facts'
import { readBody, refusal } from './respond'

/** What the admin's Markdown editor sends while an author types. */
export const previewRequestSchema = z.strictObject({
  markdown: z.string().max(200_000),
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
  /** Sanitized HTML of the body followed by its reference list. */
  html: string
  problems: ContentProblem[]
}

/** One processor per citation style, built on first use and kept (it caches formatted entries). */
const processors = new Map<CitationStyle, MarkdownProcessor>()
const processorFor = (style: CitationStyle): MarkdownProcessor => {
  let processor = processors.get(style)
  if (!processor)
    processors.set(style, (processor = createMarkdownProcessor({ citationStyle: style })))
  return processor
}

/**
 * `POST /api/articles/preview` with `{ markdown, citations, variant? }`: the live preview and the
 * content problems of Markdown being edited, rendered by the same pipeline that publishes it, in
 * the site's citation style.
 * Citations are read as the signed-in user may see them; unknown ids are left out (and any
 * `[@key]` that needed them is then reported as unknown).
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
    const settings = await req.payload.findGlobal({
      slug: 'site-settings',
      depth: 0,
      overrideAccess: false,
      user,
      req,
    })
    const style = isCitationStyle(settings.citationStyle)
      ? settings.citationStyle
      : DEFAULT_CITATION_STYLE
    const processor = processorFor(style)
    const references = citations.map(fromStored)
    const result = processor.render({ markdown, references, path: 'body', idPrefix })
    const html = toHtml(result.hast) + toHtml(renderReferenceList(result.references))
    // What submitting would say about this text: the body's checks (the title is elsewhere); an
    // audience version cites the subset of the references it needs, so unused ones are expected.
    const problems = variant
      ? toProblems(result.messages, 'body').filter((p) => p.ruleId !== 'citation-unused')
      : checkArticle({ title: null, body: markdown, references }, processor).filter(
          (p) => p.ruleId !== 'title-missing',
        )
    return Response.json({ html, problems } satisfies PreviewResult)
  },
}
