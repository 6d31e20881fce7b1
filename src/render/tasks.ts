import { createHmac } from 'node:crypto'

import { reviewDiff, type ReviewDiff, type RevisionContent } from '../diff'

import { fingerprint, sha256 } from '../config/fingerprint'
import { packRendering, unpackRendering } from './keptRendering'
import type { CslItem } from '../references'
import { approvalProblem, contentHash, isOverdue } from '../workflow'
import {
  type ArticleInput,
  checkArticle,
  type ContentProblem,
  createMarkdownProcessor,
  documentProblems,
  examineArticle,
  type MarkdownOptions,
  type MarkdownProcessor,
  renderReferenceList,
  toSanitizedHtml,
} from '../markdown'
import {
  buildArticleView,
  renderArticle,
  type RenderedArticle,
  renderHistoryPage,
  searchRecord,
  type SiteInfo,
  type ArticleSource,
  renderArticleView,
  buildSiteInfo,
  renderArticlePage,
  renderVersionPreview,
  type SiteSettingsSource,
} from '../site'

/**
 * The rendering work that runs off the request thread, in the render pool's workers: everything
 * that turns an author's Markdown into checks or HTML. Inputs and outputs are plain data (they
 * cross a thread boundary). Each task is a pure function of its input.
 */
export interface RenderTasks {
  /**
   * The content checks of an article revision and the keys it cites (`examineArticle`; with
   * `candidates`, its references are only what it might cite).
   */
  'check-article': {
    input: { options: MarkdownOptions; article: ArticleInput; candidates?: boolean }
    output: { problems: ContentProblem[]; citedKeys: string[] }
  }
  /** One document as the article page shows it, and what submitting would say about it. */
  'preview-document': {
    input: {
      options: MarkdownOptions
      markdown: string
      references: CslItem[]
      /** An audience version (unused references are expected), or the main body. */
      variant: boolean
      idPrefix?: string
    }
    output: { html: string; problems: ContentProblem[] }
  }
  /**
   * An article's two pages (the article and its review history) for the published site, and its
   * search record, each with its SHA-256 (its object's name). Refused when an approved revision
   * no longer hashes to its approval, or its Markdown has errors; unchanged when its inputs are
   * `previousInput`. Its documents are rendered from Markdown unless a kept rendering (checked
   * by its MAC) is given; a new rendering comes back to be kept.
   */
  'publish-article': {
    input: {
      options: MarkdownOptions
      site: SiteInfo
      /** What every page has in common (renderer, settings, address). */
      siteKey: string
      source: ArticleSource
      /** The approved hash of a published revision (absent for a pending one). */
      approvedHash?: string
      previousInput?: string
      kept?: { key: string; documents: string; mac: string }
      /** The key to keep a new rendering under. */
      key: string
      /** Signs kept renderings. */
      secret: string
      /** ISO 8601. */
      now: string
    }
    output:
      | { status: 'unchanged'; input: string }
      | { status: 'refused'; reason: string }
      | {
          status: 'published'
          input: string
          article: { sha: string; html: string }
          history: { sha: string; html: string }
          /** The search record as JSON (the publisher keeps it as it is until the index). */
          search: { sha: string; json: string }
          problems: ContentProblem[]
          /** A rendering made now, to keep. */
          keep?: { key: string; documents: string; mac: string }
        }
  }
  /** A whole article page (the admin's page preview). */
  'article-page': {
    input: {
      options: MarkdownOptions
      settings: SiteSettingsSource
      baseUrl: string
      source: ArticleSource
      /** ISO 8601: when the page is rendered (overdue notices depend on it). */
      now: string
    }
    output: { html: string; problems: ContentProblem[] }
  }
  /** How a revision differs from an earlier one, for the reviewer (`reviewDiff`). */
  'review-diff': {
    input: { options: MarkdownOptions; before: RevisionContent; after: RevisionContent }
    output: ReviewDiff
  }
}

export type RenderTaskKind = keyof RenderTasks

const processors = new Map<string, MarkdownProcessor>()

/** One pipeline per configuration, built once per thread (building one costs milliseconds). */
function processorFor(options: MarkdownOptions): MarkdownProcessor {
  const key = JSON.stringify(options)
  let processor = processors.get(key)
  if (!processor) {
    processor = createMarkdownProcessor(options)
    processors.set(key, processor)
  }
  return processor
}

type Handlers = {
  [K in RenderTaskKind]: (input: RenderTasks[K]['input']) => RenderTasks[K]['output']
}

export const RENDER_TASKS: Handlers = {
  'check-article': ({ options, article, candidates }) =>
    examineArticle(article, processorFor(options), { candidates }),

  'preview-document': ({ options, markdown, references, variant, idPrefix }) => {
    const processor = processorFor(options)
    const result = processor.render({ markdown, references, path: 'body', idPrefix })
    const html = renderVersionPreview({
      audience: 'preview',
      label: variant ? 'Audience version' : 'Healthcare professional',
      body: toSanitizedHtml(result.hast),
      text: '',
      referenceList: toSanitizedHtml(renderReferenceList(result.references)),
      references: result.references,
      toc: result.toc,
    })
    // The body's checks (the title is elsewhere in the form), or an audience version's.
    const problems = variant
      ? documentProblems(result, 'variant', 'body')
      : checkArticle({ title: null, body: markdown, references }, processor).filter(
          (p) => p.ruleId !== 'title-missing',
        )
    return { html, problems }
  },

  'publish-article': (input) => {
    const { source, approvedHash, now } = input
    const at = new Date(now)
    if (approvedHash !== undefined) {
      const problem = approvalProblem({ state: source.state, approvedHash }, contentHash(source))
      if (problem) return { status: 'refused', reason: problem.reason }
    }
    const overdue = approvedHash !== undefined && isOverdue(source.reviewDue, at)
    const inputFingerprint = fingerprint(input.siteKey, source, overdue)
    if (inputFingerprint === input.previousInput)
      return { status: 'unchanged', input: inputFingerprint }
    const mac = (documents: string) =>
      createHmac('sha256', input.secret)
        .update(input.key)
        .update('\0')
        .update(documents)
        .digest('hex')
    let rendered: RenderedArticle | undefined
    if (input.kept && input.kept.mac === mac(input.kept.documents)) {
      rendered = unpackRendering(input.kept.documents)
    }
    let keep: { key: string; documents: string; mac: string } | undefined
    if (!rendered) {
      rendered = renderArticle(source, processorFor(input.options))
      const documents = packRendering(rendered)
      keep = { key: input.key, documents, mac: mac(documents) }
    }
    const errors = rendered.problems.filter((p) => p.severity === 'error')
    if (errors.length) {
      return {
        status: 'refused',
        reason: `its Markdown has errors: ${errors.map((e) => `${e.field ?? 'body'}${e.line ? `:${e.line}` : ''} ${e.message}`).join('; ')}`,
      }
    }
    const view = buildArticleView(source, rendered, at)
    const article = renderArticlePage(input.site, view)
    const history = renderHistoryPage(input.site, view)
    const record = searchRecord(view)
    const json = JSON.stringify(record)
    return {
      status: 'published',
      input: inputFingerprint,
      article: { sha: sha256(article), html: article },
      history: { sha: sha256(history), html: history },
      search: { sha: sha256(json), json },
      problems: rendered.problems,
      keep,
    }
  },

  'article-page': ({ options, settings, baseUrl, source, now }) => {
    const processor = processorFor(options)
    const { view, problems } = renderArticleView(source, processor, new Date(now))
    return { html: renderArticlePage(buildSiteInfo(settings, baseUrl, processor), view), problems }
  },

  'review-diff': ({ options, before, after }) => reviewDiff(before, after, processorFor(options)),
}

/** Runs a task in this thread (what a worker does with each message). */
export function runRenderTask<K extends RenderTaskKind>(
  kind: K,
  input: RenderTasks[K]['input'],
): RenderTasks[K]['output'] {
  const handler = RENDER_TASKS[kind] as (input: RenderTasks[K]['input']) => RenderTasks[K]['output']
  return handler(input)
}
