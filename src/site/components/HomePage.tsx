import { SITE_PATHS, absoluteUrl, isoDateTime } from '../format'
import type { JsonLd } from '../jsonld'
import type { ArticleSummary, SiteInfo } from '../types'
import { Document } from './Layout'
import { DateOnly } from './Time'

/** Newest reviewed first; never-reviewed articles last; ties by title. */
export function sortByReviewed(articles: ArticleSummary[]): ArticleSummary[] {
  const key = (a: ArticleSummary) => (a.lastReviewed ? isoDateTime(a.lastReviewed) : '')
  return [...articles].sort(
    (a, b) => key(b).localeCompare(key(a)) || a.title.localeCompare(b.title, 'en'),
  )
}

export function HomePage({ site, articles }: { site: SiteInfo; articles: ArticleSummary[] }) {
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
      head={<link rel="stylesheet" href={SITE_PATHS.pagefindStylesheet} />}
      scripts={[SITE_PATHS.pagefindScript]}
    >
      <div className="intro">
        <h1>{site.name}</h1>
        <p className="lede">{site.advisoryBoardStatement}</p>
      </div>
      {/* Shown by site.js once Pagefind's UI has loaded: static search needs JavaScript. */}
      <section className="search" aria-labelledby="search-heading" data-search="" hidden>
        <h2 id="search-heading">Search articles</h2>
        <div id="search"></div>
      </section>
      <section className="article-index" aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles</h2>
        {articles.length === 0 ? (
          <p>No articles have been published yet.</p>
        ) : (
          <ul className="article-list">
            {sortByReviewed(articles).map((article) => (
              <li key={article.slug} className="article-card">
                <h3>
                  <a href={article.url}>{article.title}</a>
                </h3>
                {article.summary ? <p>{article.summary}</p> : null}
                <p className="article-card-meta">
                  {article.approved ? (
                    article.lastReviewed ? (
                      <>
                        Reviewed <DateOnly iso={article.lastReviewed} language={site.language} />
                      </>
                    ) : (
                      <>Reviewed</>
                    )
                  ) : (
                    <span className="tag tag-pending">Pending medical review</span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Document>
  )
}
