'use client'
import {
  Button,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormModified,
} from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useCallback, useEffect, useId, useRef, useState } from 'react'

import type { WorkflowStatus } from '../../../collections/Articles/workflow/status'
import type { User } from '../../../payload-types'
import { isStaff } from '../../access/roles'
import { ACTION_LABELS, COMMENT_REQUIRED_ACTIONS, type WorkflowAction } from '../../workflow/model'
import { formatDate } from '../dates'
import { idOf } from '../ids'
import { ProblemList, ProblemSummary } from '../ProblemList'
import { errorMessageOf, type Refused, refusalOf } from '../requests'
import { ReviewHistory } from './ReviewHistory'
import { ReviewTracker } from './ReviewTracker'

import './index.scss'

/** What each action does, said before the person confirms it. */
const INTRO: Record<WorkflowAction, string> = {
  submit:
    'Send the saved draft to the medical advisory board. Its text cannot be edited while it is in review.',
  withdraw: 'Take the article out of the review queue and back to draft, to keep working on it.',
  start_review: 'You become the reviewer of this article. Its text is locked while you review it.',
  request_changes:
    'Send the article back to its authors. Say what needs to change: they will see your comment.',
  approve:
    'Approve exactly this revision. It is published on the site and comes up for re-review later.',
  unpublish: 'Take the article off the public site. It goes back to draft.',
  comment: 'Add a note to the review history. Everyone working on this article can read it.',
}

const CONFIRM: Record<WorkflowAction, string> = {
  submit: 'Submit for review',
  withdraw: 'Withdraw from review',
  start_review: 'Start review',
  request_changes: 'Send to the authors',
  approve: 'Approve and publish',
  unpublish: 'Unpublish now',
  comment: 'Add comment',
}

const DONE: Record<WorkflowAction, string> = {
  submit: 'Submitted for review',
  withdraw: 'Withdrawn: the article is a draft again',
  start_review: 'Review started',
  request_changes: 'Changes requested: the authors will be told',
  approve: 'Approved: the site is being updated',
  unpublish: 'Unpublished: the site is being updated',
  comment: 'Comment added',
}

const PRIMARY: readonly WorkflowAction[] = ['submit', 'start_review', 'approve']
const IN_REVIEW = ['submitted', 'under_review']

/**
 * The start of a refusal whose problems are listed separately: "Cannot submit this article: fix 1
 * problem first: line 3: …" reads "Cannot submit this article: fix 1 problem first:".
 */
const leadOf = (message: string) => `${message.split(': ').slice(0, 2).join(': ')}:`

interface Reviewer {
  id: string | number
  name: string
}

/**
 * The review panel of the article edit view (a `ui` field at the top of the sidebar): where the
 * article stands (the three-step tracker, reviewer, approval), what the signed-in person may do
 * now (from `GET /api/articles/:id/workflow`: only those actions get buttons), the refusal reason
 * when an action fails, the content problems of the saved revision, and the review history.
 */
export const WorkflowPanel: UIFieldClientComponent = () => {
  const { id } = useDocumentInfo()
  const headingId = useId()
  return (
    <section className="review-panel" aria-labelledby={headingId} data-testid="review-panel">
      <h2 id={headingId} className="review-panel__heading">
        Review
      </h2>
      {id === undefined || id === null ? (
        <p className="review-panel__muted">
          Save the draft first: then you can submit it to the medical advisory board.
        </p>
      ) : (
        <Panel id={id} />
      )}
    </section>
  )
}

function Panel({ id }: { id: string | number }) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const {
    data,
    hasSavePermission,
    incrementVersionCount,
    setData,
    setHasPublishedDoc,
    setUnpublishedVersionCount,
  } = useDocumentInfo()
  const { reset } = useForm()
  const modified = useFormModified()
  const { user } = useAuth<User>()
  const authors = useFormFields(([fields]) => fields.authors?.value)

  const [status, setStatus] = useState<WorkflowStatus>()
  const [loadError, setLoadError] = useState<string>()
  const [open, setOpen] = useState<WorkflowAction>()
  const [comment, setComment] = useState('')
  const [assigneeKey, setAssigneeKey] = useState('')
  const [reviewers, setReviewers] = useState<Reviewer[]>()
  const [missing, setMissing] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Refused>()
  const latestRequest = useRef(0)
  const composerRef = useRef<HTMLDivElement>(null)
  const commentId = useId()
  const assigneeId = useId()

  const load = useCallback(async () => {
    const request = ++latestRequest.current
    try {
      const res = await fetch(`${api}/articles/${id}/workflow`, {
        credentials: 'include',
        cache: 'no-store',
      })
      if (!res.ok) throw new Error(await errorMessageOf(res))
      const next = (await res.json()) as WorkflowStatus
      if (request !== latestRequest.current) return
      setStatus(next)
      setLoadError(undefined)
    } catch (error) {
      if (request === latestRequest.current) setLoadError((error as Error).message)
    }
  }, [api, id])

  // Reload whenever the document was saved (its updatedAt changes) or another action moved it.
  const updatedAt = (data as { updatedAt?: string } | undefined)?.updatedAt
  useEffect(() => {
    void load()
  }, [load, updatedAt])

  const assigning = open === 'start_review' && isStaff(user)
  useEffect(() => {
    if (!assigning || reviewers) return
    void (async () => {
      const res = await fetch(
        `${api}/users?where[roles][in]=reviewer&depth=0&limit=200&sort=name`,
        { credentials: 'include' },
      )
      if (!res.ok) {
        setFailure(await refusalOf(res))
        return
      }
      const { docs } = (await res.json()) as { docs: User[] }
      setReviewers(docs.map((u) => ({ id: u.id, name: u.name })))
    })()
  }, [api, assigning, reviewers])

  // Keyboard and screen-reader users land in the form they just opened.
  useEffect(() => {
    if (open) composerRef.current?.querySelector<HTMLElement>('select, textarea')?.focus()
  }, [open])

  // An action the article has moved past (someone else acted meanwhile) cannot be confirmed.
  useEffect(() => {
    if (open && status && !status.actions.some((a) => a.action === open)) {
      setOpen(undefined)
      setComment('')
      setMissing(undefined)
    }
  }, [open, status])

  const close = () => {
    setOpen(undefined)
    setComment('')
    setAssigneeKey('')
    setMissing(undefined)
  }

  /** Shows the stored article in the form: fields, version count, published status. */
  const refreshDocument = async (action?: WorkflowAction) => {
    if (action === 'comment') return
    const res = await fetch(`${api}/articles/${id}?draft=true&depth=0`, {
      credentials: 'include',
      cache: 'no-store',
    })
    if (res.ok) {
      const doc = (await res.json()) as Record<string, unknown>
      await reset(doc)
      setData(doc)
    }
    if (action) incrementVersionCount()
    if (action === 'approve') {
      setHasPublishedDoc(true)
      setUnpublishedVersionCount(0)
    }
    if (action === 'unpublish') setHasPublishedDoc(false)
  }

  const run = async (action: WorkflowAction) => {
    if (!status) return
    const text = comment.trim()
    if (COMMENT_REQUIRED_ACTIONS.includes(action) && !text) {
      setMissing(
        action === 'request_changes'
          ? 'Write what needs to change: the authors need to know what to fix.'
          : 'Write a comment first.',
      )
      return
    }
    const assignee = reviewers?.find((r) => String(r.id) === assigneeKey)
    if (assigning && !assignee) {
      setMissing('Choose the board member who will review this article.')
      return
    }
    setMissing(undefined)
    setFailure(undefined)
    setBusy(true)
    try {
      const res = await fetch(`${api}/articles/${id}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action,
          comment: text || undefined,
          assigneeId: assigning ? assignee?.id : undefined,
          expectedState: status.state,
          expectedHash: action === 'approve' ? status.contentHash : undefined,
        }),
      })
      if (!res.ok) {
        setFailure(await refusalOf(res))
        return
      }
      toast.success(DONE[action])
      close()
      await refreshDocument(action)
    } catch (error) {
      setFailure({
        status: 0,
        message: `The request did not reach the server: ${(error as Error).message}`,
      })
    } finally {
      setBusy(false)
      void load()
    }
  }

  const reloadAll = async () => {
    setFailure(undefined)
    close()
    await refreshDocument()
    await load()
  }

  if (!status) {
    return loadError ? (
      <div className="review-panel__failure" role="alert">
        <p>The review status could not be loaded: {loadError}</p>
        <Button buttonStyle="secondary" size="small" onClick={() => void load()}>
          Try again
        </Button>
      </div>
    ) : (
      <p className="review-panel__muted" aria-live="polite">
        Loading the review status…
      </p>
    )
  }

  const authorIds = new Set((Array.isArray(authors) ? authors : []).map((a) => String(idOf(a))))
  const lastRequest = [...status.history].reverse().find((e) => e.type === 'request_changes')
  const decisions = status.actions.filter((a) => a.action !== 'comment')
  const canComment = status.actions.some((a) => a.action === 'comment')
  const needsComment = open ? COMMENT_REQUIRED_ACTIONS.includes(open) : false
  const blockedByEdits = Boolean(open && open !== 'comment' && modified)

  return (
    <div className="review-panel__body" data-state={status.state}>
      <ReviewTracker steps={status.tracker} />

      <dl className="review-panel__facts">
        <div>
          <dt>Status</dt>
          <dd data-testid="review-state">{status.stateLabel}</dd>
        </div>
        <div>
          <dt>Reviewer</dt>
          <dd>
            {status.reviewers.length ? status.reviewers.map((r) => r.name).join(', ') : 'None yet'}
          </dd>
        </div>
        <div>
          <dt>On the site</dt>
          <dd>{status.published ? 'Published (the approved version)' : 'Not published'}</dd>
        </div>
        {status.approval ? (
          <>
            <div>
              <dt>Approved</dt>
              <dd>
                {status.approval.by ? `by ${status.approval.by}` : ''}
                {status.approval.at ? ` on ${formatDate(status.approval.at)}` : ''}
              </dd>
            </div>
            {status.approval.reviewDue ? (
              <div>
                <dt>Next review due</dt>
                <dd>
                  {formatDate(status.approval.reviewDue)}
                  {status.approval.overdue ? (
                    <span className="review-panel__badge review-panel__badge--error">Overdue</span>
                  ) : null}
                </dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>

      {status.stale ? (
        <p className="review-panel__banner review-panel__banner--error" role="note">
          The published version no longer matches what was approved: a cited reference changed.
          Publishing refuses it until it has been reviewed again.
        </p>
      ) : null}
      {/* A stale approval also makes the latest revision differ: one warning says it all. */}
      {status.unreviewedChanges && !status.stale ? (
        <p className="review-panel__banner review-panel__banner--warning" role="note">
          This draft has changes that have not been reviewed; the approved version stays published.
        </p>
      ) : null}
      {status.approval?.overdue ? (
        <p className="review-panel__banner review-panel__banner--warning" role="note">
          This article is overdue for re-review.
        </p>
      ) : null}

      {status.state === 'changes_requested' && lastRequest ? (
        <div className="review-panel__callout" data-testid="changes-requested">
          <p className="review-panel__callout-title">
            Changes requested{lastRequest.actor ? ` by ${lastRequest.actor}` : ''}
          </p>
          {lastRequest.comment ? (
            <blockquote className="review-panel__quote">{lastRequest.comment}</blockquote>
          ) : null}
          <p className="review-panel__muted">
            Edit the article, save the draft, then submit it again.
          </p>
        </div>
      ) : null}

      {IN_REVIEW.includes(status.state) && hasSavePermission ? (
        <p className="review-panel__muted">
          The text is locked while the article is in review: saving changes is refused.
        </p>
      ) : null}

      {open ? (
        <div
          className="review-panel__composer"
          role="group"
          aria-label={CONFIRM[open]}
          ref={composerRef}
        >
          <p className="review-panel__composer-title">{ACTION_LABELS[open]}</p>
          <p className="review-panel__intro">
            {assigning
              ? 'Choose the board member who will review this article. Its text is locked during the review.'
              : INTRO[open]}
          </p>
          {assigning ? (
            <div className="review-panel__input">
              <label htmlFor={assigneeId}>Board member to review it (required)</label>
              <select
                id={assigneeId}
                value={assigneeKey}
                onChange={(e) => setAssigneeKey(e.target.value)}
                disabled={!reviewers}
              >
                <option value="">{reviewers ? 'Choose…' : 'Loading…'}</option>
                {(reviewers ?? [])
                  .filter((r) => !authorIds.has(String(r.id)))
                  .map((r) => (
                    <option key={r.id} value={String(r.id)}>
                      {r.name}
                      {String(r.id) === String(user?.id) ? ' (you)' : ''}
                    </option>
                  ))}
              </select>
            </div>
          ) : null}
          <div className="review-panel__input">
            <label htmlFor={commentId}>
              {open === 'request_changes'
                ? 'What needs to change? (required)'
                : needsComment
                  ? 'Comment (required)'
                  : 'Comment (optional)'}
            </label>
            <textarea
              id={commentId}
              rows={needsComment ? 5 : 3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-required={needsComment}
              aria-invalid={Boolean(missing)}
            />
          </div>
          {missing ? (
            <p className="review-panel__missing" role="alert">
              {missing}
            </p>
          ) : null}
          {blockedByEdits ? (
            <p className="review-panel__banner review-panel__banner--warning" role="note">
              You have unsaved changes. Save the draft first: the review is about the saved version.
            </p>
          ) : null}
          <div className="review-panel__buttons">
            <Button
              buttonStyle="primary"
              size="small"
              onClick={() => void run(open)}
              disabled={busy || blockedByEdits}
            >
              {busy ? 'Working…' : CONFIRM[open]}
            </Button>
            <Button buttonStyle="secondary" size="small" onClick={close} disabled={busy}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="review-panel__actions">
          {decisions.length ? (
            <div className="review-panel__buttons">
              {decisions.map(({ action, label }) => (
                <Button
                  key={action}
                  buttonStyle={PRIMARY.includes(action) ? 'primary' : 'secondary'}
                  size="small"
                  onClick={() => {
                    setFailure(undefined)
                    setOpen(action)
                  }}
                >
                  {label}
                </Button>
              ))}
            </div>
          ) : (
            <p className="review-panel__muted">
              {status.state === 'submitted'
                ? 'Waiting for a board member to start the review.'
                : status.state === 'under_review'
                  ? 'Waiting for the reviewer’s decision.'
                  : status.state === 'changes_requested'
                    ? 'Waiting for the authors to revise and resubmit.'
                    : 'There is nothing for you to decide here now.'}
            </p>
          )}
          {canComment ? (
            <button
              type="button"
              className="review-panel__link"
              onClick={() => {
                setFailure(undefined)
                setOpen('comment')
              }}
            >
              Add a comment
            </button>
          ) : null}
        </div>
      )}

      {failure ? (
        <div className="review-panel__failure" role="alert" data-testid="review-failure">
          <p>
            <strong>Not done.</strong>{' '}
            {failure.problems?.length ? leadOf(failure.message) : failure.message}
          </p>
          {failure.problems?.length ? (
            <ProblemList problems={failure.problems} bodyIsImplied={false} />
          ) : null}
          {failure.code === 'conflict' || failure.code === 'invalid_state' ? (
            <Button buttonStyle="secondary" size="small" onClick={() => void reloadAll()}>
              Reload the article
            </Button>
          ) : null}
        </div>
      ) : null}

      {status.unavailable.length ? (
        <details className="review-panel__why">
          <summary>Why are other actions unavailable?</summary>
          <ul>
            {status.unavailable.map((u) => (
              <li key={u.action}>
                <strong>{u.label}:</strong> {u.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <h3 className="review-panel__subheading">Checks on the saved version</h3>
      <ProblemSummary
        problems={status.problems}
        ifErrors="these must be fixed before it can be submitted"
      />
      <ProblemList problems={status.problems} bodyIsImplied={false} />

      <h3 className="review-panel__subheading">History</h3>
      <ReviewHistory history={status.history} />
    </div>
  )
}
