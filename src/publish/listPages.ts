import fs from 'node:fs/promises'

import type { Root } from 'hast'

import * as site from '../site'
import type { Person, SiteInfo } from '../site'
import { fingerprint, sha256 } from './build'
import type { ListViews } from './listState'

/** A file of the site besides the article pages: its path, inputs, and how to make it. */
export interface PlannedFile {
  /** Site path, without a leading slash: `topics/anaemia/index.html`. */
  path: string
  /** A fingerprint of everything it is made from: an equal input makes an equal file. */
  input: string
  render: () => string | Buffer | Promise<string | Buffer>
}

/** The page renderers, replaceable so a test can make one fail. */
export type Renderers = Pick<
  typeof site,
  | 'renderArticlePage'
  | 'renderHistoryPage'
  | 'renderHomePage'
  | 'renderTopicPage'
  | 'renderBoardPage'
  | 'renderPolicyPage'
  | 'renderNotFoundPage'
  | 'renderSitemap'
  | 'renderSitemapIndex'
  | 'renderAtomFeed'
  | 'renderRobots'
>

/** The file a site-relative URL is served from: `/a/` is `a/index.html`, `/feed.xml` itself. */
export const pagePath = (url: string): string =>
  url.replace(/^\//, '') + (url.endsWith('/') ? 'index.html' : '')

/**
 * Every file of the site that is not an article's own page: the home page, the topic pages, the
 * feed, the sitemaps, the board, the policy, the 404 page, robots.txt and the assets. Each is
 * planned with the inputs it is made from (so an unchanged one is not made again). Topic pages
 * and article sitemaps are planned only where `views` lists them (the ones a publish changed):
 * lists follow what changed, not the size of the site.
 */
export async function listFiles({
  info,
  siteKey,
  views,
  board,
  policy,
  render,
}: {
  info: SiteInfo
  siteKey: string
  views: ListViews
  board: Person[]
  policy: Root
  render: Renderers
}): Promise<PlannedFile[]> {
  const files: PlannedFile[] = []
  const plan = (path: string, input: unknown, make: PlannedFile['render']) =>
    files.push({ path, input: fingerprint(path, siteKey, input), render: make })

  const { recent, topics: topicRefs, feed } = views
  plan(pagePath(site.SITE_PATHS.home), [recent, topicRefs], () =>
    render.renderHomePage(info, recent, topicRefs),
  )
  for (const { path, topic, pager, articles } of topicPageFiles(views)) {
    plan(path, [topic, pager, articles], () => render.renderTopicPage(info, topic, articles, pager))
  }
  plan(pagePath(site.SITE_PATHS.feed), feed, () => render.renderAtomFeed(info, feed))

  for (const { shard, urls } of views.sitemapPages) {
    plan(pagePath(site.sitemapShardUrl(shard)), urls, () => render.renderSitemap(info, urls))
  }
  const index: site.SitemapUrl[] = [...views.sitemapIndex]
  const pages: site.SitemapUrl[] = [
    { url: site.SITE_PATHS.home, lastmod: views.newest },
    { url: site.SITE_PATHS.board },
    { url: site.SITE_PATHS.policy },
    ...topicRefs.map((t) => ({ url: t.url })),
  ]
  index.unshift({ url: site.PAGES_SITEMAP, lastmod: pages[0]!.lastmod })
  plan(pagePath(site.PAGES_SITEMAP), pages, () => render.renderSitemap(info, pages))
  plan(pagePath(site.SITE_PATHS.sitemap), index, () => render.renderSitemapIndex(info, index))

  plan(pagePath(site.SITE_PATHS.board), board, () => render.renderBoardPage(info, board))
  plan(pagePath(site.SITE_PATHS.policy), policy, () => render.renderPolicyPage(info, policy))
  plan(pagePath(site.SITE_PATHS.notFound), null, () => render.renderNotFoundPage(info))
  plan(pagePath(site.SITE_PATHS.robots), null, () => render.renderRobots(info))
  for (const asset of site.SITE_ASSETS) {
    const content = await fs.readFile(asset.file)
    plan(pagePath(asset.path), sha256(content), () => content)
  }
  return files
}

/** The file of page `n` (from 1) of a topic. */
const topicPageFile = (topic: site.TopicRef, n: number) => pagePath(site.topicPageUrl(topic, n))

/** Every page of the topics `views` lists to make, with its file and its articles. */
export function topicPageFiles(views: Pick<ListViews, 'topicPages'>) {
  return views.topicPages.flatMap(({ topic, articles }) =>
    site.topicPages(articles).map((page) => ({
      path: topicPageFile(topic, page.pager.number),
      topic,
      ...page,
    })),
  )
}

/** The files of a topic's pages `from` to `to` (from 1). */
const topicFiles = (topic: site.TopicRef, from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => topicPageFile(topic, from + i))

/**
 * The files of list pages that are gone: every page of a topic nobody writes about any more, the
 * last pages of a topic that has fewer articles than before, an emptied sitemap.
 */
export function goneListFiles(views: ListViews): string[] {
  return [
    ...views.goneTopics.flatMap((t) => topicFiles(t, 1, site.topicPageCount(t.count))),
    ...views.topicPages.flatMap(({ topic, previousCount }) =>
      previousCount === undefined
        ? []
        : topicFiles(
            topic,
            site.topicPageCount(topic.count) + 1,
            site.topicPageCount(previousCount),
          ),
    ),
    ...views.goneSitemaps.map((shard) => pagePath(site.sitemapShardUrl(shard))),
  ]
}
