/**
 * The static site: pure functions from view-models to HTML, XML and text. Server-only; no
 * Payload, no Next.js.
 */
export {
  renderArticlePage,
  renderBoardPage,
  renderHistoryPage,
  renderHomePage,
  renderNotFoundPage,
  renderPolicyPage,
  renderTopicPage,
  renderVersionPreview,
} from './render'
export { renderAtomFeed, renderRobots, renderSitemap, renderSitemapIndex } from './feeds'
export { articleJsonLd, serializeJsonLd, type JsonLd } from './jsonld'
export { SITE_ASSETS } from './assets'
export { SITE_PATHS, absoluteUrl, historyUrl, isoDateTime, profileUrl } from './format'
export { MAX_VERSIONS } from './components/ArticlePage'
export * from './lists'
export * from './search'
export type * from './types'
export {
  articleUrl,
  buildArticleView,
  renderArticle,
  renderArticleView,
  type ArticleDocumentsSource,
  type RenderedArticle,
  buildSiteInfo,
  type ArticleEvent,
  type ArticleSource,
  type SiteSettingsSource,
} from './view'
export {
  AUDIENCES,
  VARIANT_AUDIENCES,
  audienceLabel,
  type Audience,
  type VariantAudience,
} from './audiences'
