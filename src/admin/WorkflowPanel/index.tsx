'use client'
import { Button, useAuth, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useEffect, useId, useState } from 'react'

import type { User } from '../../../payload-types'
import type { WorkflowAction } from '../../workflow/model'
import { ProblemList, ProblemSummary } from '../ProblemList'
import { ReviewComments } from '../ReviewComments/ReviewComments'
import type { Refused } from '../requests'
import { Changes } from './Changes'
import { Composer } from './Composer'
import { Facts, Notices, waitingText } from './Facts'
import { PreviewLinks } from './PreviewLinks'
import { References } from './References'
import { ReviewHistory } from './ReviewHistory'
import { ReviewTracker } from './ReviewTracker'
import { useWorkflow } from './useWorkflow'

import './index.scss'

const PRIMARY: readonly WorkflowAction[] = ['submit', 'start_review', 'approve']

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
  const { hasSavePermission } = useDocumentInfo()
  const modified = useFormModified()
  const { user } = useAuth<User>()
  const { status, loadError, busy, load, run, reloadDocument } = useWorkflow(id)
  const [open, setOpen] = useState<WorkflowAction>()
  const [failure, setFailure] = useState<Refused>()

  // An action the article has moved past (someone else acted meanwhile) cannot be confirmed.
  useEffect(() => {
    if (open && status && !status.actions.some((a) => a.action === open)) setOpen(undefined)
  }, [open, status])

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

  const begin = (action: WorkflowAction) => {
    setFailure(undefined)
    setOpen(action)
  }
  const confirm = async (input: { comment?: string; assigneeId?: string | number }) => {
    if (!open) return
    setFailure(undefined)
    const refused = await run(open, input)
    if (refused) setFailure(refused)
    else setOpen(undefined)
  }
  const decisions = status.actions.filter((a) => a.action !== 'comment')
  const canComment = status.actions.some((a) => a.action === 'comment')

  return (
    <div className="review-panel__body" data-state={status.state}>
      <ReviewTracker steps={status.tracker} />
      <Facts status={status} />
      <Notices status={status} canSave={hasSavePermission === true} />

      {open ? (
        <Composer
          key={open}
          action={open}
          status={status}
          busy={busy}
          modified={modified}
          myId={user?.id}
          onConfirm={(input) => void confirm(input)}
          onCancel={() => setOpen(undefined)}
        />
      ) : (
        <div className="review-panel__actions">
          {decisions.length ? (
            <div className="review-panel__buttons">
              {decisions.map(({ action, label }) => (
                <Button
                  key={action}
                  buttonStyle={PRIMARY.includes(action) ? 'primary' : 'secondary'}
                  size="small"
                  onClick={() => begin(action)}
                >
                  {label}
                </Button>
              ))}
            </div>
          ) : (
            <p className="review-panel__muted">{waitingText(status)}</p>
          )}
          {canComment ? (
            <button type="button" className="review-panel__link" onClick={() => begin('comment')}>
              Add a comment
            </button>
          ) : null}
        </div>
      )}

      {failure ? (
        <Failure
          failure={failure}
          onReload={() => {
            setFailure(undefined)
            setOpen(undefined)
            void reloadDocument()
          }}
        />
      ) : null}

      {status.unavailable.length ? (
        <details className="review-panel__why">
          <summary>Why are other actions unavailable?</summary>
          <ul>
            {status.unavailable.map((u) => (
              <li key={u.action} data-because={u.because}>
                <strong>{u.label}:</strong> {u.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <h3 className="review-panel__subheading">Changes</h3>
      <Changes id={id} revision={`${status.state}:${status.contentHash}`} />

      <h3 className="review-panel__subheading">Comments on passages</h3>
      <ReviewComments />

      <h3 className="review-panel__subheading">References</h3>
      <References references={status.references} onChanged={load} />

      {status.previewLinks ? (
        <>
          <h3 className="review-panel__subheading">Preview links</h3>
          <PreviewLinks articleId={id} links={status.previewLinks} onChanged={load} />
        </>
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

/**
 * A refused action. Content problems are listed one by one under a short lead; a refusal because
 * the article moved on (or is in another state) offers to reload it.
 */
function Failure({ failure, onReload }: { failure: Refused; onReload: () => void }) {
  const problems = failure.because === 'content_problems' ? (failure.problems ?? []) : []
  return (
    <div className="review-panel__failure" role="alert" data-testid="review-failure">
      <p>
        <strong>Not done.</strong>{' '}
        {problems.length
          ? 'The saved version fails the content checks. Fix these first, save, and try again:'
          : failure.message}
      </p>
      {problems.length ? <ProblemList problems={problems} bodyIsImplied={false} /> : null}
      {failure.code === 'conflict' || failure.code === 'invalid_state' ? (
        <Button buttonStyle="secondary" size="small" onClick={onReload}>
          Reload the article
        </Button>
      ) : null}
    </div>
  )
}
