import { displayName, historyUrl, profileUrl, stateLabel } from '../format'
import type { ArticleView, HistoryEntry, SiteInfo } from '../types'
import { Document } from './Layout'
import { DateAndTime } from './Time'

/** The review history of one article: every review event, oldest first. */
export function HistoryPage({ site, article }: { site: SiteInfo; article: ArticleView }) {
  const events = [...article.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return (
    <Document
      site={site}
      title={`Review history: ${article.title}`}
      description={`How "${article.title}" was written and reviewed.`}
      path={historyUrl(article)}
      noindex={!article.approved}
    >
      <div className="intro">
        <h1>
          <span className="eyebrow">Review history</span> {article.title}
        </h1>
        <p>
          <a href={article.url}>Read the article</a>
        </p>
      </div>
      {events.length === 0 ? (
        <p>No review events have been recorded yet.</p>
      ) : (
        <ol className="timeline">
          {events.map((event, i) => (
            <HistoryItem key={`${event.at}-${i}`} event={event} language={site.language} />
          ))}
        </ol>
      )}
    </Document>
  )
}

function HistoryItem({ event, language }: { event: HistoryEntry; language: string }) {
  return (
    <li className={`timeline-event event-${event.type.replace(/[^a-z0-9_-]/gi, '')}`}>
      <p className="timeline-head">
        <strong>{event.label}</strong> <DateAndTime iso={event.at} language={language} />
      </p>
      {event.actor ? (
        <p className="timeline-actor">
          By{' '}
          {event.actor.listedOnBoard ? (
            <a href={profileUrl(event.actor)}>{displayName(event.actor)}</a>
          ) : (
            displayName(event.actor)
          )}
        </p>
      ) : null}
      {event.from && event.to ? (
        <p className="timeline-change">
          Status: {stateLabel(event.from)} <span aria-hidden="true">→</span>
          <span className="visually-hidden"> to </span> {stateLabel(event.to)}
        </p>
      ) : event.to ? (
        <p className="timeline-change">Status: {stateLabel(event.to)}</p>
      ) : null}
      {event.comment ? (
        <blockquote className="timeline-comment">
          <p>{event.comment}</p>
        </blockquote>
      ) : null}
    </li>
  )
}
