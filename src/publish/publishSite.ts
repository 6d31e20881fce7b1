import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { SiteSetting } from '../../payload-types'
import { resolveSecret } from '../config/env'
import { createMarkdownProcessor, type MarkdownOptions } from '../markdown'
import { DEFAULT_CITATION_STYLE, isCitationStyle } from '../references'
import { type RenderPool, renderPool } from '../render'
import * as site from '../site'
import type { SearchRecord, SiteInfo } from '../site'
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
import { changeRows, consumeChanges, pendingChanges, siteCounts } from './changes'
import { listFiles, pagePath, type PlannedFile, type Renderers } from './listPages'
import { boardMember } from './people'
import { type LoadedArticle, PAGE_SIZE, SiteReader, chunks } from './read'
import { type KeptRendering, readRenders, renderKey, writeRenders } from './renders'
import { searchFiles } from './searchFiles'
import { articleSource, articleSummary, contentHashOf } from './viewModels'

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
  /**
   * Check every article against its approval, not only those the change log names (a change made
   * behind the CMS, straight in the database, is in no log), making only the pages that differ.
   */
  verify?: boolean
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
 *   articles the change log names (`pendingChanges`), unless the renderer, the settings or the
 *   address changed, or `verify` asks to check them all;
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

    const secret = resolveSecret()
    const publishPage = async (page: LoadedArticle[]) => {
      const jobs = page.map((loaded) => {
        const { doc } = loaded
        // An article whose slug changed leaves its old address.
        const oldSlug = slugById.get(String(doc.id))
        if (oldSlug && oldSlug !== doc.slug) remove(oldSlug)
        // A published revision's rendering is kept under its approval; a pending one's is not kept
        // across publishes (it changes until approved) but is keyed by its content all the same.
        const hash = loaded.approved ? doc.approval?.hash : undefined
        return { loaded, key: renderKey(hash ?? contentHashOf(loaded), documentsVersion) }
      })
      const kept = await readRenders(
        payload,
        jobs.filter((j) => j.loaded.approved).map((j) => j.key),
      )
      const toKeep: KeptRendering[] = []
      await Promise.all(
        jobs.map(async ({ loaded, key }) => {
          const { doc } = loaded
          const slug = doc.slug
          const refuse = (reason: string) => {
            refused.push({ id: doc.id, slug, reason })
            if (full) keepPrevious(slug)
          }
          if (loaded.approved && !doc.approval?.hash) {
            return refuse(`it is published but has no approval record (state "${doc.state}")`)
          }
          let result
          try {
            result = await pool.run('publish-article', {
              options: markdownOptions,
              site: info,
              siteKey,
              source: articleSource(loaded),
              approvedHash: loaded.approved ? doc.approval!.hash! : undefined,
              previousInput: full || !articles[slug] ? undefined : previous!.articles[slug]?.input,
              kept: kept.get(key),
              key,
              secret,
              now: now.toISOString(),
            })
          } catch (error) {
            return refuse(`it could not be rendered: ${(error as Error).message}`)
          }
          if (result.status === 'unchanged') return
          if (result.status === 'refused') return refuse(result.reason)
          for (const w of result.problems) {
            warnings.push(`${slug} ${w.field ?? 'body'}${w.line ? `:${w.line}` : ''}: ${w.message}`)
          }
          if (result.keep) {
            renderedDocuments++
            toKeep.push(result.keep)
          }
          const paths = articlePages(slug)
          await Promise.all([
            putObject(options.root, result.article.html, result.article.sha),
            putObject(options.root, result.history.html, result.history.sha),
            putObject(options.root, result.search.json, result.search.sha),
          ])
          files[paths.article] = { object: result.article.sha, input: result.input }
          files[paths.history] = { object: result.history.sha, input: result.input }
          rendered.push(paths.article, paths.history)
          records.set(slug, result.search.record)
          changedSlugs.add(slug)
          articles[slug] = {
            id: String(doc.id),
            summary: articleSummary(loaded),
            input: result.input,
            pages: [paths.article, paths.history],
            search: result.search.sha,
          }
        }),
      )
      await writeRenders(payload, toKeep)
    }

    // The change log's rows this build takes into account (a full build: all there were).
    let consumed: string[] = []
    if (full || options.verify) {
      consumed = (await changeRows(payload)).map((r) => r.id)
      const seen = new Set<string>()
      const scan = async (page: LoadedArticle[]) => {
        for (const a of page) seen.add(String(a.doc.id))
        await publishPage(page)
      }
      for await (const page of reader.published()) await scan(page)
      if (withPending) for await (const page of reader.pending()) await scan(page)
      // Verifying: what is not on the site any more leaves it.
      for (const [slug, a] of Object.entries(articles)) {
        if (!seen.has(a.id) && !refused.some((r) => r.slug === slug)) remove(slug)
      }
    } else {
      const changes = await pendingChanges(payload, new Date(previous!.now), now)
      consumed = changes.rows
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
    // Nothing to show that is not live already: no new build (the change log is still consumed).
    const same =
      !full &&
      rendered.length === 0 &&
      changedSlugs.size === 0 &&
      Object.keys(files).length === Object.keys(previous!.files).length
    if (!same) {
      await goLive(options.root, manifest)
      await prune(options.root)
    }
    await consumeChanges(payload, consumed)
    const reused = Object.keys(files).length - new Set(rendered).size
    return {
      buildId: same ? previous!.buildId : buildId,
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
