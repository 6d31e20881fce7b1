import type { ArticleSummary, SiteInfo } from '../types'
import { DateOnly } from './Time'

/**
 * Articles as cards: the question linked (a heading of `level`, under the page's own), the
 * summary, and whether and when it was reviewed.
 */
export function ArticleList({
  site,
  articles,
  level = 3,
}: {
  site: SiteInfo
  articles: ArticleSummary[]
  level?: 2 | 3
}) {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.slug} className="article-card">
          <Heading>
            <a href={article.url}>{article.title}</a>
          </Heading>
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
  )
}
