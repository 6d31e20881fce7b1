import { readFileSync } from 'node:fs'
import { SITE_ASSETS } from './assets'
import {
  approvedArticle,
  feedArticles,
  overdueArticle,
  pendingArticle,
  people,
  policy,
  site,
  summaries,
} from './fixtures'
import { SITE_PATHS, historyUrl } from './format'
import { recentlyReviewed, TOPIC_PAGE_SIZE, topicIndex, topicPages, topicPageUrl } from './lists'
import { renderAtomFeed, renderRobots, renderSitemap } from './feeds'
import {
  renderArticlePage,
  renderBoardPage,
  renderHistoryPage,
  renderHomePage,
  renderNotFoundPage,
  renderPolicyPage,
  renderTopicPage,
} from './render'

/**
 * The fixture site as files (site-relative path -> content): every page kind, the article in each
 * review state, the feeds and the assets. For the Nu checker test and for looking at the pages.
 */
export function renderSampleSite(): Map<string, string> {
  const approved = approvedArticle()
  const pending = { ...pendingArticle(), url: '/articles/pending/' }
  const overdue = { ...overdueArticle(), url: '/articles/overdue/' }
  const files = new Map<string, string>([
    [
      '/index.html',
      renderHomePage(
        site,
        recentlyReviewed(summaries),
        [...topicIndex(summaries).values()].map((t) => t.topic),
      ),
    ],
    [`${SITE_PATHS.board}index.html`, renderBoardPage(site, people)],
    [`${SITE_PATHS.policy}index.html`, renderPolicyPage(site, policy)],
    [SITE_PATHS.notFound, renderNotFoundPage(site)],
    [
      SITE_PATHS.sitemap,
      renderSitemap(
        site,
        summaries.map((s) => ({ url: s.url, lastmod: s.lastReviewed })),
      ),
    ],
    [SITE_PATHS.feed, renderAtomFeed(site, feedArticles)],
    [SITE_PATHS.robots, renderRobots(site)],
  ])
  for (const article of [approved, pending, overdue]) {
    files.set(`${article.url}index.html`, renderArticlePage(site, article))
    files.set(`${historyUrl(article)}index.html`, renderHistoryPage(site, article))
  }
  // Every topic's page, and the pages of a topic too long for one.
  const many = Array.from({ length: TOPIC_PAGE_SIZE + 1 }, (_, i) => ({
    ...summaries[0]!,
    slug: `long-${i}`,
    url: `/articles/long-${i}/`,
    topics: ['A long topic'],
  }))
  for (const { topic, articles } of [...topicIndex([...summaries, ...many]).values()]) {
    for (const page of topicPages(articles)) {
      files.set(
        `${topicPageUrl(topic, page.pager.number)}index.html`,
        renderTopicPage(site, topic, page.articles, page.pager),
      )
    }
  }
  for (const asset of SITE_ASSETS) files.set(asset.path, readFileSync(asset.file, 'utf8'))
  return files
}
