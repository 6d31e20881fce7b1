import type { Root } from 'hast'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { ArticlePage, VersionSection, versionIds } from './components/ArticlePage'
import { BoardPage } from './components/BoardPage'
import { HistoryPage } from './components/HistoryPage'
import { HomePage } from './components/HomePage'
import { TopicPage } from './components/TopicPage'
import { NotFoundPage } from './components/NotFoundPage'
import { PolicyPage } from './components/PolicyPage'
import type { Pager } from './lists'
import type {
  ArticleSummary,
  ArticleView,
  AudienceVersion,
  Person,
  SiteInfo,
  TopicRef,
} from './types'

/** A complete HTML document, starting with `<!doctype html>`. */
function page(element: ReactElement): string {
  return `<!doctype html>\n${renderToStaticMarkup(element)}\n`
}

/** The article page (at `article.url`). Throws if the article has no version or more than 6. */
export function renderArticlePage(site: SiteInfo, article: ArticleView): string {
  return page(<ArticlePage site={site} article={article} />)
}

/** The home page (at `/`): search, the recently reviewed articles and the topics. */
export function renderHomePage(
  site: SiteInfo,
  recent: ArticleSummary[],
  topics: TopicRef[],
): string {
  return page(<HomePage site={site} recent={recent} topics={topics} />)
}

/** A page of a topic (at `topicPageUrl(topic, pager.number)`): the articles given, by question. */
export function renderTopicPage(
  site: SiteInfo,
  topic: TopicRef,
  articles: ArticleSummary[],
  pager?: Pager,
): string {
  return page(<TopicPage site={site} topic={topic} articles={articles} pager={pager} />)
}

/** The advisory board page (at `/advisory-board/`): one profile per person at `#<slug>`. */
export function renderBoardPage(site: SiteInfo, people: Person[]): string {
  return page(<BoardPage site={site} people={people} />)
}

/** The editorial policy page (at `/editorial-policy/`). */
export function renderPolicyPage(site: SiteInfo, policy: Root): string {
  return page(<PolicyPage site={site} policy={policy} />)
}

/** The review history of an article (at `historyUrl(article)`). */
export function renderHistoryPage(site: SiteInfo, article: ArticleView): string {
  return page(<HistoryPage site={site} article={article} />)
}

/** The 404 page (served at any path, so every link in it is root-relative). */
export function renderNotFoundPage(site: SiteInfo): string {
  return page(<NotFoundPage site={site} />)
}

/**
 * One audience version as the article page shows it (its text, contents and references), as an
 * HTML fragment: the admin's live preview of the Markdown being edited, through the page's own
 * component.
 */
export function renderVersionPreview(version: AudienceVersion): string {
  return renderToStaticMarkup(
    <VersionSection version={version} ids={versionIds([version])[0]!} single />,
  )
}
