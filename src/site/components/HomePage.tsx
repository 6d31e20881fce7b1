import { SITE_PATHS, absoluteUrl } from '../format'
import type { JsonLd } from '../jsonld'
import type { ArticleSummary, SiteInfo, TopicRef } from '../types'
import { ArticleList } from './ArticleList'
import { Document } from './Layout'

/**
 * The home page: the site's search (shown by search.js: a static index needs JavaScript), the
 * most recently reviewed articles, and every topic page (which together list every article).
 */
export function HomePage({
  site,
  recent,
  topics,
}: {
  site: SiteInfo
  recent: ArticleSummary[]
  topics: TopicRef[]
}) {
  const jsonLd: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: absoluteUrl(site, SITE_PATHS.home),
    inLanguage: site.language,
  }
  return (
    <Document
      site={site}
      title={site.name}
      description={site.advisoryBoardStatement}
      path={SITE_PATHS.home}
      current="home"
      jsonLd={jsonLd}
      modules={[SITE_PATHS.searchScript]}
    >
      <div className="intro">
        <h1>{site.name}</h1>
        <p className="lede">{site.advisoryBoardStatement}</p>
      </div>
      <section className="search" aria-labelledby="search-heading" data-search="" hidden>
        <h2 id="search-heading">Search articles</h2>
        <form className="search-form" role="search" data-search-form="">
          <label htmlFor="search-query">Search for a question, condition or test</label>
          <div className="search-row">
            <input id="search-query" name="q" type="search" autoComplete="off" />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </form>
        <p className="search-status" role="status" aria-live="polite" data-search-status=""></p>
        <ol className="article-list search-results" data-search-results=""></ol>
      </section>
      <section className="article-index" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recently reviewed</h2>
        {recent.length === 0 ? (
          <p>No articles have been published yet.</p>
        ) : (
          <ArticleList site={site} articles={recent} />
        )}
      </section>
      {topics.length ? (
        <nav className="topic-index" aria-labelledby="topics-heading">
          <h2 id="topics-heading">Browse by topic</h2>
          <ul className="topic-list">
            {topics.map((topic) => (
              <li key={topic.slug}>
                <a href={topic.url}>{topic.name}</a>{' '}
                <span className="topic-count">
                  ({topic.count} {topic.count === 1 ? 'article' : 'articles'})
                </span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </Document>
  )
}
