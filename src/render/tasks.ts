import type { CslItem } from '../references'
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
  type SearchRecord,
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
   * search record. Its documents are rendered from Markdown unless `documents` (kept from an
   * earlier render of the same content by the same pipeline) are given.
   */
  'publish-article': {
    input: {
      options: MarkdownOptions
      site: SiteInfo
      source: ArticleSource
      documents?: RenderedArticle
      /** ISO 8601. */
      now: string
    }
    output: {
      article: string
      history: string
      documents: RenderedArticle
      /** The documents were rendered now (not given): keep them. */
      rendered: boolean
      search: SearchRecord
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

  'publish-article': ({ options, site, source, documents, now }) => {
    const rendered = documents ?? renderArticle(source, processorFor(options))
    const view = buildArticleView(source, rendered, new Date(now))
    return {
      article: renderArticlePage(site, view),
      history: renderHistoryPage(site, view),
      documents: rendered,
      rendered: documents === undefined,
      search: searchRecord(view),
    }
  },

  'article-page': ({ options, settings, baseUrl, source, now }) => {
    const processor = processorFor(options)
    const { view, problems } = renderArticleView(source, processor, new Date(now))
    return { html: renderArticlePage(buildSiteInfo(settings, baseUrl, processor), view), problems }
  },
}

/** Runs a task in this thread (what a worker does with each message). */
export function runRenderTask<K extends RenderTaskKind>(
  kind: K,
  input: RenderTasks[K]['input'],
): RenderTasks[K]['output'] {
  const handler = RENDER_TASKS[kind] as (input: RenderTasks[K]['input']) => RenderTasks[K]['output']
  return handler(input)
}
