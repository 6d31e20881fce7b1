import { type Pager, topicPageUrl } from '../lists'
import type { ArticleSummary, SiteInfo, TopicRef } from '../types'
import { ArticleList } from './ArticleList'
import { Document } from './Layout'

/**
 * One page of a topic: its articles, by question, `TOPIC_PAGE_SIZE` to a page, with links to
 * the previous and next pages when there are several.
 */
export function TopicPage({
  site,
  topic,
  articles,
  pager = { number: 1, total: 1 },
}: {
  site: SiteInfo
  topic: TopicRef
  /** This page's articles. */
  articles: ArticleSummary[]
  pager?: Pager
}) {
  const { number, total } = pager
  const of = total > 1 ? `page ${number} of ${total}` : undefined
  return (
    <Document
      site={site}
      title={of ? `${topic.name} (${of})` : topic.name}
      path={topicPageUrl(topic, number)}
      current="home"
    >
      <div className="intro">
        <h1>{topic.name}</h1>
        <p className="lede">
          {topic.count} {topic.count === 1 ? 'article' : 'articles'}, reviewed by our Medical
          Advisory Board{of ? `; this is ${of}` : ''}.
        </p>
      </div>
      <ArticleList site={site} articles={articles} level={2} />
      {total > 1 ? (
        <nav className="pager" aria-label={`Pages of ${topic.name}`}>
          {number > 1 ? (
            <a href={topicPageUrl(topic, number - 1)} rel="prev">
              Previous page
            </a>
          ) : null}
          <span>
            Page {number} of {total}
          </span>
          {number < total ? (
            <a href={topicPageUrl(topic, number + 1)} rel="next">
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
    </Document>
  )
}
