import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { SiteSetting } from '../../payload-types'
import { createMarkdownProcessor, type MarkdownOptions } from '../markdown'
import { DEFAULT_CITATION_STYLE, isCitationStyle } from '../references'
import { type RenderPool, renderPool } from '../render'
import * as site from '../site'
import type { SearchRecord, SiteInfo } from '../site'
import { isOverdue } from '../workflow'
import {
  currentBuild,
  fingerprint,
  goLive,
  type ManifestArticle,
  prune,
  putObject,
  type SiteManifest,
  withLock,
} from './build'
import { changesSince, siteCounts } from './changes'
import { listFiles, pagePath, type PlannedFile, type Renderers } from './listPages'
import { boardMember } from './people'
import { type LoadedArticle, PAGE_SIZE, SiteReader, chunks } from './read'
import { readRenders, renderKey, writeRenders } from './renders'
import { searchFiles } from './searchFiles'
import { approvalProblemOf, articleSource, articleSummary, contentHashOf } from './viewModels'

export type { Renderers }

export interface PublishOptions {
  /** The site folder: objects, builds, and `current` linking to the live one. */
  root: string
  /** The public address, for canonical links, the sitemap and the feed. */
  baseUrl: string
  now?: Date
  /** Changes whenever the code that renders pages changes, so every page is rendered anew. */
  rendererVersion?: string
  /**
   * Changes whenever the code that renders Markdown changes, so kept renderings are not reused.
   * Default `rendererVersion`.
   */
  documentsVersion?: string
  /** Make every page again, even if nothing it is made from changed. */
  full?: boolean
  /** The render pool (default: this process's). */
  pool?: RenderPool
  /** Replaces page renderers (a test makes one fail). The article pages render in the pool. */
  renderers?: Partial<Renderers>
}

/** An article the publisher did not render from the database, and why. */
export interface Refusal {
  id: string | number
  slug: string
  reason: string
}

export interface PublishReport {
  buildId: string
  /** The site folder; the live build is the manifest `current` links to. */
  dir: string
  /** Every page was made again (a first publish, a renderer or settings change, or `full`). */
  full: boolean
  /** Slugs of the articles in this build (published, or pending with a banner). */
  articles: string[]
  /** Articles not rendered from the database, and why; their previous pages, if any, stay. */
  refused: Refusal[]
  /** Site paths made anew in this build (the rest are the previous build's, unchanged). */
  rendered: string[]
  /** How many files of the build are unchanged from the previous one. */
  reused: number
  /** How many articles' Markdown was rendered (the rest reused kept renderings). */
  renderedDocuments: number
  /** Content warnings in published pages (dropped HTML, unsafe URLs…), per article. */
  warnings: string[]
  durationMs: number
}

/** A publish that cannot run at all (as opposed to one article being refused). */
export class PublishError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PublishError'
  }
}

/** The settings that appear on pages (not who saved them or when). */
const visibleSettings = ({ updatedAt: _u, createdAt: _c, updatedBy: _b, ...rest }: SiteSetting) =>
  rest

const articlePages = (slug: string) => {
  const url = site.articleUrl(slug)
  return { article: pagePath(url), history: pagePath(site.historyUrl({ url })) }
}

/**
 * Publishes the site from the CMS into the site folder `root`, one publish at a time:
 * - reads the approved revision of every article (under `pending-with-banner` also the latest
 *   pending one of articles never approved) a page at a time; after a first publish only the
 *   articles that changed since the last one (`changesSince`), unless the renderer, the settings
 *   or the address changed;
 * - refuses a published revision whose content no longer hashes to its approval, and any article
 *   that cannot be rendered within its budget (its previous pages, if any, stay);
 * - renders articles in the render pool, reusing kept renderings of their Markdown;
 * - makes the list pages, the feed, the sitemaps and the search index from what changed;
 * - keeps every new file as an object, then makes the new build live in one rename.
 */
export async function publishSite(
  payload: Payload,
  options: PublishOptions,
): Promise<PublishReport> {
  return withLock(options.root, async () => {
    const started = Date.now()
    const readAt = new Date()
    const now = options.now ?? readAt
    const pool = options.pool ?? renderPool()
    const render: Renderers = { ...site, ...options.renderers }
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    if (!settings.disclaimer?.trim()) {
      throw new PublishError(
        'The site settings have no disclaimer; every article page shows one. Add it under Settings › Site settings in /admin (or in content/site.yaml) and publish again.',
      )
    }
    const markdownOptions: MarkdownOptions = {
      siteUrl: options.baseUrl,
      citationStyle: isCitationStyle(settings.citationStyle)
        ? settings.citationStyle
        : DEFAULT_CITATION_STYLE,
    }
    const markdown = createMarkdownProcessor(markdownOptions)
    const info: SiteInfo = site.buildSiteInfo(settings, options.baseUrl, markdown)
    const renderer = options.rendererVersion ?? 'unversioned'
    const siteKey = fingerprint(renderer, visibleSettings(settings), options.baseUrl)
    const documentsVersion = fingerprint(options.documentsVersion ?? renderer, markdownOptions)
    const previous = await currentBuild(options.root)
    const full = !previous || previous.siteKey !== siteKey || options.full === true
    const withPending = settings.publishPolicy === 'pending-with-banner'
    const reader = new SiteReader(payload)
    const counts = await siteCounts(payload)

    const articles: Record<string, ManifestArticle> = full ? {} : { ...previous!.articles }
    const files: SiteManifest['files'] = {}
    if (!full) {
      for (const [path, file] of Object.entries(previous!.files)) files[path] = file
    }
    const refused: Refusal[] = []
    const warnings: string[] = []
    const rendered: string[] = []
    const records = new Map<string, SearchRecord>()
    const changedSlugs = new Set<string>()
    let renderedDocuments = 0
    const slugById = new Map(
      Object.entries(previous?.articles ?? {}).map(([slug, a]) => [a.id, slug]),
    )

    const remove = (slug: string) => {
      const entry = articles[slug]
      if (!entry) return
      for (const page of entry.pages) delete files[page]
      delete articles[slug]
      changedSlugs.add(slug)
    }
    /** A refused article keeps the pages it had, if any. */
    const keepPrevious = (slug: string) => {
      const before = previous?.articles[slug]
      if (!before) return
      articles[slug] = before
      for (const page of before.pages) files[page] = previous!.files[page]!
    }

    const publishPage = async (page: LoadedArticle[]) => {
      const jobs: {
        loaded: LoadedArticle
        source: site.ArticleSource
        input: string
        key: string
      }[] = []
      for (const loaded of page) {
        const { doc } = loaded
        const id = String(doc.id)
        const slug = doc.slug
        // An article whose slug changed leaves its old address.
        const oldSlug = slugById.get(id)
        if (oldSlug && oldSlug !== slug) remove(oldSlug)
        const problem = approvalProblemOf(loaded)
        if (problem) {
          refused.push({ id: doc.id, slug, reason: problem.reason })
          if (full) keepPrevious(slug)
          continue
        }
        const source = articleSource(loaded)
        const overdue = loaded.approved && isOverdue(doc.reviewDue, now)
        const input = fingerprint(siteKey, source, overdue)
        if (!full && previous!.articles[slug]?.input === input && articles[slug]) continue
        jobs.push({
          loaded,
          source,
          input,
          key: renderKey(contentHashOf(loaded), documentsVersion),
        })
      }
      if (!jobs.length) return
      const kept = await readRenders(
        payload,
        jobs.map((j) => j.key),
      )
      const toKeep = new Map<string, site.RenderedArticle>()
      await Promise.all(
        jobs.map(async ({ loaded, source, input, key }) => {
          const { doc } = loaded
          try {
            const result = await pool.run('publish-article', {
              options: markdownOptions,
              site: info,
              source,
              documents: kept.get(key),
              now: now.toISOString(),
            })
            const errors = result.documents.problems.filter((p) => p.severity === 'error')
            if (errors.length) {
              refused.push({
                id: doc.id,
                slug: doc.slug,
                reason: `its Markdown has errors: ${errors.map((e) => `${e.field ?? 'body'}${e.line ? `:${e.line}` : ''} ${e.message}`).join('; ')}`,
              })
              if (full) keepPrevious(doc.slug)
              return
            }
            for (const w of result.documents.problems) {
              warnings.push(
                `${doc.slug} ${w.field ?? 'body'}${w.line ? `:${w.line}` : ''}: ${w.message}`,
              )
            }
            if (result.rendered) {
              renderedDocuments++
              toKeep.set(key, result.documents)
            }
            const paths = articlePages(doc.slug)
            const [article, history, search] = await Promise.all([
              putObject(options.root, result.article),
              putObject(options.root, result.history),
              putObject(options.root, JSON.stringify(result.search)),
            ])
            files[paths.article] = { object: article, input }
            files[paths.history] = { object: history, input }
            rendered.push(paths.article, paths.history)
            records.set(doc.slug, result.search)
            changedSlugs.add(doc.slug)
            articles[doc.slug] = {
              id: String(doc.id),
              summary: articleSummary(loaded),
              input,
              pages: [paths.article, paths.history],
              search,
            }
          } catch (error) {
            refused.push({
              id: doc.id,
              slug: doc.slug,
              reason: `it could not be rendered: ${(error as Error).message}`,
            })
            if (full) keepPrevious(doc.slug)
          }
        }),
      )
      await writeRenders(payload, toKeep)
    }

    if (full) {
      for await (const page of reader.published()) await publishPage(page)
      if (withPending) for await (const page of reader.pending()) await publishPage(page)
    } else {
      const changes = await changesSince(payload, new Date(previous!.watermark), now)
      const ids = new Set(changes.articles)
      // Deleted articles (or any change the queries above did not explain): compare counts.
      const present = Object.values(previous!.articles)
      const approvedBefore = present.filter((a) => a.summary.approved).length
      if (counts.published < approvedBefore || (!withPending && present.length > approvedBefore)) {
        for (const a of present) ids.add(a.id)
      } else if (withPending && counts.pending < present.length - approvedBefore) {
        for (const a of present) if (!a.summary.approved) ids.add(a.id)
      }
      for (const chunk of chunks([...ids])) {
        for (let i = 0; i < chunk.length; i += PAGE_SIZE) {
          const part = chunk.slice(i, i + PAGE_SIZE)
          const page = await reader.byIds(part, withPending)
          await publishPage(page)
          // Considered but not on the site any more: unpublished, withdrawn, deleted.
          const found = new Set(page.map((a) => String(a.doc.id)))
          for (const id of part) {
            const slug = slugById.get(id)
            if (!found.has(id) && slug && !refused.some((r) => r.slug === slug)) remove(slug)
          }
        }
      }
    }

    const boardUsers = await payload.find({
      collection: 'users',
      where: { roles: { contains: 'reviewer' } },
      sort: 'name',
      depth: 0,
      limit: 1000,
      pagination: false,
    })
    const policy = markdown.render({
      markdown: settings.editorialPolicy ?? '',
      references: [],
      path: 'site settings: editorial policy',
    }).hast
    const planned: PlannedFile[] = await listFiles({
      info,
      siteKey,
      articles: Object.values(articles)
        .map((a) => a.summary)
        .sort((a, b) => (a.slug < b.slug ? -1 : 1)),
      board: boardUsers.docs.map(boardMember),
      policy,
      render,
    })
    const listPaths = new Set(planned.map((f) => f.path))
    // Lists that are gone (a topic nobody writes about any more).
    for (const path of Object.keys(files)) {
      if (!isArticlePage(path) && !path.startsWith(SEARCH_PATH) && !listPaths.has(path)) {
        delete files[path]
      }
    }
    for (const file of planned) {
      if (files[file.path]?.input === file.input) continue
      const object = await putObject(options.root, await file.render())
      files[file.path] = { object, input: file.input }
      rendered.push(file.path)
    }

    const search = await searchFiles({
      siteRoot: options.root,
      previous: full ? undefined : previous!.search,
      articles,
      changed: changedSlugs,
      records,
      full,
    })
    for (const path of Object.keys(files)) if (path.startsWith(SEARCH_PATH)) delete files[path]
    if (!full) {
      // The full index stays as it was: its files are the previous build's.
      for (const [path, file] of Object.entries(previous!.files)) {
        if (path.startsWith(`${SEARCH_PATH}${search.search.base}`)) files[path] = file
      }
    }
    for (const file of search.files) {
      const object = await putObject(options.root, file.content)
      if (previous?.files[file.path]?.object !== object) rendered.push(file.path)
      files[file.path] = { object, input: object }
    }

    const buildId = `${readAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`
    const manifest: SiteManifest = {
      version: 2,
      buildId,
      createdAt: new Date().toISOString(),
      siteKey,
      watermark: readAt.toISOString(),
      now: now.toISOString(),
      files: sortedKeys(files),
      articles: sortedKeys(articles),
      search: search.search,
      counts,
    }
    await goLive(options.root, manifest)
    await prune(options.root)
    const reused = Object.keys(files).length - new Set(rendered).size
    return {
      buildId,
      dir: options.root,
      full,
      articles: Object.keys(manifest.articles),
      refused,
      rendered: [...new Set(rendered)].sort(),
      reused,
      renderedDocuments,
      warnings,
      durationMs: Date.now() - started,
    }
  })
}

const SEARCH_PATH = site.SITE_PATHS.search.replace(/^\//, '')
const ARTICLES_PATH = site.articleUrl('x').replace(/^\//, '').replace(/x\/$/, '')
const isArticlePage = (path: string) => path.startsWith(ARTICLES_PATH)

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
