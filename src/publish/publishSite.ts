import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'

import type { Payload } from 'payload'

import { createMarkdownProcessor } from '../markdown'
import * as site from '../site'
import type { FeedArticle, SiteInfo } from '../site'
import { isOverdue } from '../workflow'
import { loadSiteData, type Refusal } from './loadSiteData'
import { currentBuild, fingerprint, type PlannedFile, withLock, writeBuild } from './build'
import { boardMember } from './people'
import { articleSummary, articleUrl, articleView, type ArticleRecord } from './viewModels'

/** The page renderers, replaceable so a test can make one fail. */
export type Renderers = Pick<
  typeof site,
  | 'renderArticlePage'
  | 'renderHistoryPage'
  | 'renderHomePage'
  | 'renderBoardPage'
  | 'renderPolicyPage'
  | 'renderNotFoundPage'
  | 'renderSitemap'
  | 'renderAtomFeed'
  | 'renderRobots'
>

export interface PublishOptions {
  /** The site folder: builds go under `builds/`, `current` links to the live one. */
  root: string
  /** The public address, for canonical links, the sitemap and the feed. */
  baseUrl: string
  now?: Date
  /** Changes whenever the code that renders changes, so every page is rendered anew. */
  rendererVersion?: string
  renderers?: Partial<Renderers>
}

export interface PublishReport {
  buildId: string
  dir: string
  /** Slugs of the articles in this build (published, or pending with a banner). */
  articles: string[]
  /** Articles not rendered from the database, and why; their previous pages, if any, stay. */
  refused: Refusal[]
  /** Site-relative paths rendered in this build (the rest were reused unchanged). */
  rendered: string[]
  reused: string[]
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

/** The file a site-relative URL is served from: `/a/` is `a/index.html`, `/feed.xml` itself. */
const pagePath = (url: string) => url.replace(/^\//, '') + (url.endsWith('/') ? 'index.html' : '')

/**
 * Publishes the site from the CMS: reads the approved revision of every article (and, under the
 * pending-with-banner policy, pending ones), refuses any whose content does not match its
 * approval or has Markdown errors, renders what changed since the last build, and swaps the new
 * build in atomically. One publish at a time per site folder.
 */
export async function publishSite(
  payload: Payload,
  options: PublishOptions,
): Promise<PublishReport> {
  return withLock(options.root, async () => {
    const started = Date.now()
    const now = options.now ?? new Date()
    const render: Renderers = { ...site, ...options.renderers }
    const data = await loadSiteData(payload)
    if (!data.settings.disclaimer?.trim()) {
      throw new PublishError(
        'The site settings have no disclaimer; every article page shows one. Add it under Settings › Site settings in /admin (or in content/site.yaml) and publish again.',
      )
    }
    // The settings are part of every page's fingerprint: a new style renders every page anew.
    const markdown = createMarkdownProcessor({
      siteUrl: options.baseUrl,
      citationStyle: data.settings.citationStyle,
    })
    const info: SiteInfo = site.buildSiteInfo(data.settings, options.baseUrl, markdown)
    const renderer = options.rendererVersion ?? 'unversioned'
    const siteKey = fingerprint(renderer, data.settings, options.baseUrl)
    const previous = (await currentBuild(options.root))?.manifest
    const refused = [...data.refused]
    const warnings: string[] = []
    const files: PlannedFile[] = []
    const summaries = new Map<string, FeedArticle>()

    const carryOver = (slug: string) => {
      if (!previous) return
      for (const [path, file] of Object.entries(previous.files)) {
        if (file.article !== slug) continue
        files.push({
          path,
          input: file.input,
          article: slug,
          searchable: file.searchable,
          render: () => {
            throw new Error(`${path} should have been reused from the previous build`)
          },
        })
      }
      const summary = previous.articles[slug] as FeedArticle | undefined
      if (summary) summaries.set(slug, summary)
    }

    for (const record of data.records as ArticleRecord[]) {
      const { doc } = record
      const overdue = record.approved && isOverdue(doc.reviewDue, now)
      const input = fingerprint(siteKey, record, overdue)
      const page = pagePath(articleUrl(doc.slug))
      const unchanged = previous?.files[page]?.input === fingerprint('article', input)
      let view: site.ArticleView | undefined
      if (!unchanged) {
        const built = articleView(record, markdown, now)
        const errors = built.problems.filter((p) => p.severity === 'error')
        if (errors.length) {
          refused.push({
            id: doc.id,
            slug: doc.slug,
            reason: `its Markdown has errors: ${errors.map((e) => `${e.field ?? 'body'}${e.line ? `:${e.line}` : ''} ${e.message}`).join('; ')}`,
          })
          carryOver(doc.slug)
          continue
        }
        for (const w of built.problems) {
          warnings.push(
            `${doc.slug} ${w.field ?? 'body'}${w.line ? `:${w.line}` : ''}: ${w.message}`,
          )
        }
        view = built.view
      }
      const ready = () => view ?? articleView(record, markdown, now).view
      files.push(
        {
          path: page,
          input: fingerprint('article', input),
          searchable: true,
          article: doc.slug,
          render: () => render.renderArticlePage(info, ready()),
        },
        {
          path: pagePath(site.historyUrl({ url: articleUrl(doc.slug) })),
          input: fingerprint('history', input),
          article: doc.slug,
          render: () => render.renderHistoryPage(info, ready()),
        },
      )
      summaries.set(doc.slug, articleSummary(doc, record.approved))
    }
    for (const r of data.refused) carryOver(r.slug)

    const listed = [...summaries.values()]
    const listKey = fingerprint(siteKey, listed)
    const board = data.board.map(boardMember)
    const sitemapUrls = [
      {
        url: site.SITE_PATHS.home,
        lastmod: listed
          .map((a) => a.updated)
          .sort()
          .at(-1),
      },
      { url: site.SITE_PATHS.board },
      { url: site.SITE_PATHS.policy },
      ...listed.flatMap((a) => [
        { url: a.url, lastmod: a.updated },
        { url: site.historyUrl(a), lastmod: a.updated },
      ]),
    ]
    files.push(
      {
        path: pagePath(site.SITE_PATHS.home),
        input: fingerprint('home', listKey),
        render: () => render.renderHomePage(info, listed),
      },
      {
        path: pagePath(site.SITE_PATHS.feed),
        input: fingerprint('feed', listKey),
        render: () => render.renderAtomFeed(info, listed),
      },
      {
        path: pagePath(site.SITE_PATHS.sitemap),
        input: fingerprint('sitemap', siteKey, sitemapUrls),
        render: () => render.renderSitemap(info, sitemapUrls),
      },
      {
        path: pagePath(site.SITE_PATHS.board),
        input: fingerprint('board', siteKey, board),
        render: () => render.renderBoardPage(info, board),
      },
      {
        path: pagePath(site.SITE_PATHS.policy),
        input: fingerprint('policy', siteKey),
        render: () =>
          render.renderPolicyPage(
            info,
            markdown.render({
              markdown: data.settings.editorialPolicy ?? '',
              references: [],
              path: 'site settings: editorial policy',
            }).hast,
          ),
      },
      {
        path: pagePath(site.SITE_PATHS.notFound),
        input: fingerprint('404', siteKey),
        render: () => render.renderNotFoundPage(info),
      },
      {
        path: pagePath(site.SITE_PATHS.robots),
        input: fingerprint('robots', siteKey),
        render: () => render.renderRobots(info),
      },
    )
    for (const asset of site.SITE_ASSETS) {
      const content = await fs.readFile(asset.file)
      const digest = createHash('sha256').update(content).digest('hex')
      files.push({
        path: pagePath(asset.path),
        input: fingerprint('asset', digest),
        render: () => content,
      })
    }

    const articles = Object.fromEntries(summaries)
    const build = await writeBuild(options.root, files, articles)
    return {
      buildId: build.buildId,
      dir: build.dir,
      articles: [...summaries.keys()],
      refused,
      rendered: build.rendered,
      reused: build.reused,
      warnings,
      durationMs: Date.now() - started,
    }
  })
}
