'use client'
import { useState } from 'react'

import type { WorkflowStatus } from '../../../collections/Articles/workflow/status'
import { STATE_LABELS } from '../../workflow/model'
import { formatDateTime } from '../dates'

const SHOWN = 6

const stateLabel = (state?: string | null) =>
  state ? (STATE_LABELS[state as keyof typeof STATE_LABELS] ?? state) : undefined

/** The review history of an article, newest first, with every comment in full. */
export function ReviewHistory({ history }: { history: WorkflowStatus['history'] }) {
  const [all, setAll] = useState(false)
  if (!history.length) return <p className="review-panel__muted">Nothing has happened yet.</p>
  const newestFirst = [...history].reverse()
  const shown = all ? newestFirst : newestFirst.slice(0, SHOWN)
  return (
    <>
      <ol className="review-history">
        {shown.map((event) => {
          const from = stateLabel(event.from)
          const to = stateLabel(event.to)
          return (
            <li
              key={event.id}
              className={`review-history__event review-history__event--${event.type}`}
            >
              <p className="review-history__what">
                <strong>{event.label}</strong>
                {event.actor ? <> by {event.actor}</> : null}
                {event.visitor ? <> ({event.visitor})</> : null}
                {event.assignee && event.assignee !== event.actor ? (
                  <>, assigned to {event.assignee}</>
                ) : null}
              </p>
              <p className="review-history__when">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {from && to && from !== to ? (
                  <>
                    {' · '}
                    {from} → {to}
                  </>
                ) : null}
              </p>
              {event.comment ? (
                <blockquote className="review-history__comment">{event.comment}</blockquote>
              ) : null}
            </li>
          )
        })}
      </ol>
      {newestFirst.length > SHOWN ? (
        <button type="button" className="review-panel__link" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${newestFirst.length} events`}
        </button>
      ) : null}
    </>
  )
}
