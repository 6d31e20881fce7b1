'use client'
import type { WorkflowStatus } from '../../../collections/Articles/workflow/status'
import { WAITING_LABELS } from '../../workflow/model'
import { formatDate } from '../dates'

/** Where the article stands: state, reviewer, what is live, the approval and its due date. */
export function Facts({ status }: { status: WorkflowStatus }) {
  return (
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
  )
}

/**
 * What the person should know before acting: a stale approval, unreviewed changes, an overdue
 * re-review, the reviewer's requested changes, and that the text is locked in review.
 */
export function Notices({
  status,
  canSave,
}: {
  status: WorkflowStatus
  /** The person could save the article, were it not locked. */
  canSave: boolean
}) {
  const lastRequest = [...status.history].reverse().find((e) => e.type === 'request_changes')
  return (
    <>
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
      {status.waitingFor === 'authors' && lastRequest ? (
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
      {status.locked && canSave ? (
        <p className="review-panel__muted">
          The text is locked while the article is in review: saving changes is refused.
        </p>
      ) : null}
    </>
  )
}

/** Said when the person has no decision to take: who the article waits for, if anyone. */
export function waitingText(status: WorkflowStatus): string {
  return status.waitingFor
    ? WAITING_LABELS[status.waitingFor]
    : 'There is nothing for you to decide here now.'
}
