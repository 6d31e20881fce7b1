'use client'
import { Button } from '@payloadcms/ui'
import { useId, useState } from 'react'

import type { ThreadView } from '../../../collections/Comments/log'
import { formatDateTime } from '../dates'
import type { Refused } from '../requests'
import {
  type Comments,
  fieldLabel,
  SHOW_PASSAGE,
  type ShowPassage,
  useComments,
} from './useComments'

import './index.scss'

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`

/**
 * The review comments in the review panel, by passage (in the order of the latest revision's
 * text; outdated ones last): the passage as it is now, or, when it is gone, the quote marked
 * outdated; the thread; Reply, and Resolve or Reopen for those who may. After a request for
 * changes it says how many of the comments it carried are resolved.
 */
export function ReviewComments() {
  const comments = useComments()
  const { list, loadError } = comments
  if (loadError) {
    return (
      <p className="review-comments__failure" role="alert">
        The comments could not be loaded: {loadError}
      </p>
    )
  }
  if (!list) return <p className="review-panel__muted">Loading the comments…</p>
  const open = list.threads.filter((t) => !t.resolved).length
  const resolved = list.threads.length - open
  return (
    <div className="review-comments" data-testid="review-comments">
      {list.lastRequest && list.lastRequest.carried > 0 ? (
        <p className="review-comments__round" data-testid="review-comments-round">
          When changes were requested ({formatDateTime(list.lastRequest.at)}),{' '}
          {count(list.lastRequest.carried, 'comment')}{' '}
          {list.lastRequest.carried === 1 ? 'was' : 'were'} open:{' '}
          <strong>
            {list.lastRequest.resolved} of {list.lastRequest.carried} resolved
          </strong>{' '}
          since.
        </p>
      ) : null}
      {list.threads.length ? (
        <>
          <p className="review-panel__muted">
            {open ? count(open, 'open comment') : 'No open comments'}
            {resolved ? `; ${resolved} resolved` : ''}
          </p>
          <ol className="review-comments__list">
            {list.threads.map((thread) => (
              <Thread
                key={thread.id}
                thread={thread}
                comments={comments}
                canReply={list.mayComment}
              />
            ))}
          </ol>
        </>
      ) : (
        <p className="review-panel__muted">
          {list.mayComment
            ? 'No comments yet. Select text in the Markdown editor or its preview and press “Comment on the selection”.'
            : 'No comments yet.'}
        </p>
      )}
    </div>
  )
}

/**
 * In the request-changes and submit forms: what the decision carries. Requesting changes sends
 * the open comments with it; submitting again says how many of those are resolved.
 */
export function CarriedComments({ action }: { action: 'request_changes' | 'submit' }) {
  const { list } = useComments()
  if (!list) return null
  if (action === 'request_changes') {
    const open = list.threads.filter((t) => !t.resolved).length
    return open ? (
      <p className="review-comments__carried" data-testid="carried-comments">
        Your request carries the {count(open, 'open comment')} on passages.
      </p>
    ) : null
  }
  const round = list.lastRequest
  return round && round.carried ? (
    <p className="review-comments__carried" data-testid="carried-comments">
      {round.resolved} of the {count(round.carried, 'comment')} sent with the request for changes{' '}
      {round.resolved === 1 ? 'is' : 'are'} resolved.
    </p>
  ) : null
}

const STATUS_LABEL = {
  attached: undefined,
  moved: 'Moved',
  changed: 'Passage changed',
  outdated: 'Outdated',
} as const

function Thread({
  thread,
  comments,
  canReply,
}: {
  thread: ThreadView
  comments: Comments
  canReply: boolean
}) {
  const { attachment } = thread
  const status = attachment.status === 'moved' && !attachment.exact ? 'changed' : attachment.status
  const label = STATUS_LABEL[status]
  const show = () => {
    if (attachment.status === 'outdated') return
    window.dispatchEvent(
      new CustomEvent<ShowPassage>(SHOW_PASSAGE, {
        detail: { field: thread.anchor.field, start: attachment.start, end: attachment.end },
      }),
    )
  }
  return (
    <li
      className={`review-comment review-comment--${status}${thread.resolved ? ' review-comment--resolved' : ''}`}
      data-testid="review-comment"
      data-status={attachment.status}
    >
      <p className="review-comment__where">
        {fieldLabel(thread.anchor.field)}
        {label ? (
          <span className={`review-comment__status review-comment__status--${status}`}>
            {label}
          </span>
        ) : null}
        {thread.resolved ? (
          <span className="review-comment__status review-comment__status--resolved">Resolved</span>
        ) : null}
      </p>
      {attachment.status === 'outdated' ? (
        <>
          <p className="review-comment__note">
            This passage is no longer in the latest version. It read:
          </p>
          <blockquote className="review-comments__quote review-comments__quote--outdated">
            {thread.anchor.exact}
          </blockquote>
        </>
      ) : (
        <button
          type="button"
          className="review-comments__quote-button"
          onClick={show}
          title="Show this passage in the editor"
        >
          <blockquote className="review-comments__quote">{attachment.text}</blockquote>
        </button>
      )}
      {status === 'changed' ? (
        <details className="review-comment__was">
          <summary>As it read when commented on</summary>
          <blockquote className="review-comments__quote">{thread.anchor.exact}</blockquote>
        </details>
      ) : null}
      <Entry name={thread.authorName} at={thread.at} body={thread.body} />
      {thread.replies.length ? (
        <ol className="review-comment__replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <Entry name={reply.authorName} at={reply.at} body={reply.body} />
            </li>
          ))}
        </ol>
      ) : null}
      {thread.resolved ? (
        <p className="review-comment__resolved">
          Resolved by {thread.resolved.authorName},{' '}
          <time dateTime={thread.resolved.at}>{formatDateTime(thread.resolved.at)}</time>
          {thread.resolved.body ? `: ${thread.resolved.body}` : ''}
        </p>
      ) : null}
      <ThreadActions thread={thread} comments={comments} canReply={canReply} />
    </li>
  )
}

function Entry({ name, at, body }: { name: string; at: string; body: string }) {
  return (
    <div className="review-comment__entry">
      <p className="review-comment__meta">
        <strong>{name}</strong> · <time dateTime={at}>{formatDateTime(at)}</time>
      </p>
      <p className="review-comment__body">{body}</p>
    </div>
  )
}

function ThreadActions({
  thread,
  comments,
  canReply,
}: {
  thread: ThreadView
  comments: Comments
  canReply: boolean
}) {
  const [replying, setReplying] = useState(false)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Refused>()
  const replyId = useId()
  const run = async (kind: 'reply' | 'resolve' | 'reopen') => {
    setBusy(true)
    setFailure(undefined)
    const refused = await comments.send({
      kind,
      thread: thread.id,
      ...(kind === 'reply' ? { body: text } : {}),
    })
    setBusy(false)
    if (refused) setFailure(refused)
    else if (kind === 'reply') {
      setReplying(false)
      setText('')
    }
  }
  if (!canReply && !thread.mayResolve) return null
  return (
    <div className="review-comment__actions">
      {replying ? (
        <div className="review-comment__reply">
          <label htmlFor={replyId} className="review-comment__reply-label">
            Your reply
          </label>
          <textarea
            id={replyId}
            className="review-comments__textarea"
            rows={2}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="review-comments__buttons">
            <Button
              buttonStyle="primary"
              size="small"
              disabled={busy || !text.trim()}
              onClick={() => void run('reply')}
            >
              Send reply
            </Button>
            <Button buttonStyle="secondary" size="small" onClick={() => setReplying(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="review-comments__buttons">
          {canReply ? (
            <Button buttonStyle="secondary" size="small" onClick={() => setReplying(true)}>
              Reply
            </Button>
          ) : null}
          {thread.mayResolve ? (
            <Button
              buttonStyle="secondary"
              size="small"
              disabled={busy}
              onClick={() => void run(thread.resolved ? 'reopen' : 'resolve')}
            >
              {thread.resolved ? 'Reopen' : 'Resolve'}
            </Button>
          ) : null}
        </div>
      )}
      {failure ? (
        <p className="review-comments__failure" role="alert">
          Not done. {failure.message}
        </p>
      ) : null}
    </div>
  )
}
