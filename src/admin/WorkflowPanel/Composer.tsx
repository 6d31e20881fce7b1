'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useId, useRef, useState } from 'react'

import type { WorkflowStatus } from '../../../collections/Articles/workflow/status'
import { ACTION_LABELS, type WorkflowAction } from '../../workflow/model'
import { CarriedComments } from '../ReviewComments/ReviewComments'

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

export const CONFIRM: Record<WorkflowAction, string> = {
  submit: 'Submit for review',
  withdraw: 'Withdraw from review',
  start_review: 'Start review',
  request_changes: 'Send to the authors',
  approve: 'Approve and publish',
  unpublish: 'Unpublish now',
  comment: 'Add comment',
}

/**
 * The form an action opens: the comment (required where the workflow requires one), the board
 * member to assign when an editor starts a review (the server lists whom the workflow allows),
 * and the confirm button, held back while the form has unsaved edits.
 */
export function Composer({
  action,
  status,
  busy,
  modified,
  myId,
  onConfirm,
  onCancel,
}: {
  action: WorkflowAction
  status: WorkflowStatus
  busy: boolean
  /** The form has unsaved changes: the review is about the saved version. */
  modified: boolean
  myId?: string | number
  onConfirm: (input: { comment?: string; assigneeId?: string | number }) => void
  onCancel: () => void
}) {
  const [comment, setComment] = useState('')
  const [assigneeKey, setAssigneeKey] = useState('')
  const [missing, setMissing] = useState<string>()
  const ref = useRef<HTMLDivElement>(null)
  const commentId = useId()
  const assigneeId = useId()
  const needsComment = status.actions.find((a) => a.action === action)?.needsComment ?? false
  const assigning = action === 'start_review' && status.assignable !== undefined
  const blockedByEdits = action !== 'comment' && modified

  // Keyboard and screen-reader users land in the form they just opened.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, textarea')?.focus()
  }, [])

  const confirm = () => {
    const text = comment.trim()
    if (needsComment && !text) {
      setMissing(
        action === 'request_changes'
          ? 'Write what needs to change: the authors need to know what to fix.'
          : 'Write a comment first.',
      )
      return
    }
    const assignee = status.assignable?.find((r) => String(r.id) === assigneeKey)
    if (assigning && !assignee) {
      setMissing('Choose the board member who will review this article.')
      return
    }
    setMissing(undefined)
    onConfirm({ comment: text || undefined, assigneeId: assignee?.id })
  }

  return (
    <div className="review-panel__composer" role="group" aria-label={CONFIRM[action]} ref={ref}>
      <p className="review-panel__composer-title">{ACTION_LABELS[action]}</p>
      <p className="review-panel__intro">
        {assigning
          ? 'Choose the board member who will review this article. Its text is locked during the review.'
          : INTRO[action]}
      </p>
      {action === 'request_changes' || action === 'submit' ? (
        <CarriedComments action={action} />
      ) : null}
      {assigning ? (
        <div className="review-panel__input">
          <label htmlFor={assigneeId}>Board member to review it (required)</label>
          <select
            id={assigneeId}
            value={assigneeKey}
            onChange={(e) => setAssigneeKey(e.target.value)}
          >
            <option value="">Choose…</option>
            {(status.assignable ?? []).map((r) => (
              <option key={r.id} value={String(r.id)}>
                {r.name}
                {String(r.id) === String(myId) ? ' (you)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="review-panel__input">
        <label htmlFor={commentId}>
          {action === 'request_changes'
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
          onClick={confirm}
          disabled={busy || blockedByEdits}
        >
          {busy ? 'Working…' : CONFIRM[action]}
        </Button>
        <Button buttonStyle="secondary" size="small" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  )
}
