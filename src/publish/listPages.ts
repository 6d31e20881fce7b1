import fs from 'node:fs/promises'

import type { Root } from 'hast'

import * as site from '../site'
import type { FeedArticle, Person, SiteInfo } from '../site'
import { fingerprint, sha256 } from './build'

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
 * planned with the inputs it is made from (so an unchanged one is not made again), from the
 * summaries of the articles on the site: lists follow what changed, not the size of the site.
 */
export async function listFiles({
  info,
  siteKey,
  articles,
  board,
  policy,
  render,
}: {
  info: SiteInfo
  siteKey: string
  /** Every article on the site. */
  articles: readonly FeedArticle[]
  board: Person[]
  policy: Root
  render: Renderers
}): Promise<PlannedFile[]> {
  const files: PlannedFile[] = []
  const plan = (path: string, input: unknown, make: PlannedFile['render']) =>
    files.push({ path, input: fingerprint(path, siteKey, input), render: make })

  const topics = site.topicIndex(articles)
  const topicRefs = [...topics.values()].map((t) => t.topic)
  const recent = site.recentlyReviewed(articles)
  plan(pagePath(site.SITE_PATHS.home), [recent, topicRefs], () =>
    render.renderHomePage(info, recent, topicRefs),
  )
  for (const { topic, articles: members } of topics.values()) {
    plan(pagePath(topic.url), [topic, members], () => render.renderTopicPage(info, topic, members))
  }
  const feed = site.feedEntries(articles)
  plan(pagePath(site.SITE_PATHS.feed), feed, () => render.renderAtomFeed(info, feed))

  const shards = new Map<number, FeedArticle[]>()
  for (let shard = 0; shard < site.SITEMAP_SHARDS; shard++) shards.set(shard, [])
  for (const article of articles) shards.get(site.sitemapShard(article.slug))!.push(article)
  const index: site.SitemapUrl[] = []
  for (const [shard, members] of shards) {
    const urls = site.articleSitemapUrls(members)
    if (!urls.length) continue
    const url = site.sitemapShardUrl(shard)
    index.push({ url, lastmod: newest(urls.map((u) => u.lastmod)) })
    plan(pagePath(url), urls, () => render.renderSitemap(info, urls))
  }
  const pages: site.SitemapUrl[] = [
    { url: site.SITE_PATHS.home, lastmod: newest(articles.map((a) => a.updated)) },
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

function newest(dates: (string | undefined)[]): string | undefined {
  let best: string | undefined
  for (const date of dates) {
    if (date && (!best || site.isoDateTime(date) > site.isoDateTime(best))) best = date
  }
  return best
}
