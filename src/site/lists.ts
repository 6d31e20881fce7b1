import { shardOf } from './assets/search-terms.js'
import { SITE_PATHS, isoDateTime, token } from './format'
import type { ArticleSummary, FeedArticle, SitemapUrl, TopicRef } from './types'

/** How many articles the home page lists as recently reviewed, and the feed holds. */
export const RECENT_ARTICLES = 20
export const FEED_ENTRIES = 50
/** Article sitemaps: each approval rewrites one of them (and the index), not all. */
export const SITEMAP_SHARDS = 16

/** The topic page an article without topics is listed on. */
export const OTHER_TOPIC = 'Other topics'

/** A topic's page address part: `Multiple myeloma` -> `multiple-myeloma`. */
export const topicSlug = (name: string): string => token(name)

/** The page of a topic. */
export const topicUrl = (slug: string): string => `${SITE_PATHS.topics}${slug}/`

/**
 * How many articles one page of a topic lists: a topic of thousands of articles is many light
 * pages (not one of megabytes), and an approval remakes the page its article is on.
 */
export const TOPIC_PAGE_SIZE = 50

/** How many pages a topic of `count` articles has (at least one). */
export const topicPageCount = (count: number): number =>
  Math.max(1, Math.ceil(count / TOPIC_PAGE_SIZE))

/** Page `n` (from 1) of a topic: the first at the topic's address, the others at `page/<n>/`. */
export const topicPageUrl = (topic: Pick<TopicRef, 'url'>, n: number): string =>
  n === 1 ? topic.url : `${topic.url}page/${n}/`

/** Which page of a topic this is, of how many. */
export interface Pager {
  number: number
  total: number
}

/** A topic's articles (in their listed order) split into its pages. */
export function topicPages(
  articles: readonly ArticleSummary[],
): { pager: Pager; articles: ArticleSummary[] }[] {
  const total = topicPageCount(articles.length)
  return Array.from({ length: total }, (_, i) => ({
    pager: { number: i + 1, total },
    articles: articles.slice(i * TOPIC_PAGE_SIZE, (i + 1) * TOPIC_PAGE_SIZE),
  }))
}

/** The topics an article is listed under (at least one). */
export function topicsOf(article: Pick<ArticleSummary, 'topics'>): string[] {
  const topics = (article.topics ?? []).map((t) => t.trim()).filter(Boolean)
  return topics.length ? topics : [OTHER_TOPIC]
}

/**
 * Every topic with its articles, by slug: a topic written two ways (`Multiple myeloma`,
 * `multiple myeloma`) is one topic, named by its most common spelling (ties: the first in code
 * point order), so the same articles always give the same pages.
 */
export function topicIndex(
  articles: readonly ArticleSummary[],
): Map<string, { topic: TopicRef; articles: ArticleSummary[] }> {
  const groups = new Map<string, { spellings: Map<string, number>; articles: ArticleSummary[] }>()
  for (const article of articles) {
    // Listed once under a topic it names in two spellings.
    const listed = new Set<string>()
    for (const name of new Set(topicsOf(article))) {
      const slug = topicSlug(name)
      let group = groups.get(slug)
      if (!group) groups.set(slug, (group = { spellings: new Map(), articles: [] }))
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1)
      if (!listed.has(slug)) group.articles.push(article)
      listed.add(slug)
    }
  }
  const result = new Map<string, { topic: TopicRef; articles: ArticleSummary[] }>()
  for (const slug of [...groups.keys()].sort()) {
    const group = groups.get(slug)!
    const [name] = [...group.spellings].sort(
      ([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0),
    )[0]!
    const list = [...group.articles].sort(byTitle)
    result.set(slug, {
      topic: { name, slug, url: topicUrl(slug), count: list.length },
      articles: list,
    })
  }
  return result
}

const byTitle = (a: ArticleSummary, b: ArticleSummary) =>
  a.title.localeCompare(b.title, 'en') || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)

/** The most recently reviewed approved articles, newest first (ties by title). */
export function recentlyReviewed(articles: readonly ArticleSummary[], count = RECENT_ARTICLES) {
  const key = (a: ArticleSummary) => (a.lastReviewed ? isoDateTime(a.lastReviewed) : '')
  return articles
    .filter((a) => a.approved && a.lastReviewed)
    .sort((a, b) => key(b).localeCompare(key(a)) || byTitle(a, b))
    .slice(0, count)
}

/** The feed's entries: the newest updates, newest first. */
export function feedEntries(articles: readonly FeedArticle[], count = FEED_ENTRIES): FeedArticle[] {
  return [...articles]
    .sort((a, b) => isoDateTime(b.updated).localeCompare(isoDateTime(a.updated)) || byTitle(a, b))
    .slice(0, count)
}

/** Which article sitemap lists an article (by its slug, so it never moves). */
export function sitemapShard(slug: string): number {
  return shardOf(slug, SITEMAP_SHARDS)
}

/** The address of an article sitemap. */
export const sitemapShardUrl = (shard: number): string =>
  `${SITE_PATHS.sitemaps}articles-${shard}.xml`

/** The address of the sitemap of the site's other pages (home, board, policy, topics). */
export const PAGES_SITEMAP = `${SITE_PATHS.sitemaps}pages.xml`

/** The URLs an article sitemap lists: the indexable (approved) articles' pages. */
export function articleSitemapUrls(articles: readonly FeedArticle[]): SitemapUrl[] {
  return [...articles]
    .filter((a) => a.approved)
    .sort(byTitle)
    .flatMap((a) => [
      { url: a.url, lastmod: a.updated },
      { url: `${a.url}history/`, lastmod: a.updated },
    ])
}
