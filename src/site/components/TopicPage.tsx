import type { ArticleSummary, SiteInfo, TopicRef } from '../types'
import { ArticleList } from './ArticleList'
import { Document } from './Layout'

/** One topic's page: every article about it, by question. */
export function TopicPage({
  site,
  topic,
  articles,
}: {
  site: SiteInfo
  topic: TopicRef
  articles: ArticleSummary[]
}) {
  return (
    <Document site={site} title={topic.name} path={topic.url} current="home">
      <div className="intro">
        <h1>{topic.name}</h1>
        <p className="lede">
          {topic.count} {topic.count === 1 ? 'article' : 'articles'}, reviewed by our Medical
          Advisory Board.
        </p>
      </div>
      <ArticleList site={site} articles={articles} level={2} />
    </Document>
  )
}
