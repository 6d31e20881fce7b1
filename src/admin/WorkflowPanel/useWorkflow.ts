'use client'
import { toast, useConfig, useDocumentInfo, useForm } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { WorkflowStatus } from '../../../collections/Articles/workflow/status'
import type { WorkflowAction } from '../../workflow/model'
import { errorMessageOf, type Refused, refusalOf } from '../requests'

/** What the toast says once an action is done. */
const DONE: Record<WorkflowAction, string> = {
  submit: 'Submitted for review',
  withdraw: 'Withdrawn: the article is a draft again',
  start_review: 'Review started',
  request_changes: 'Changes requested: the authors will be told',
  approve: 'Approved: the site is being updated',
  unpublish: 'Unpublished: the site is being updated',
  comment: 'Comment added',
}

export interface Workflow {
  status?: WorkflowStatus
  loadError?: string
  busy: boolean
  /** Reloads the status (after a save elsewhere, or when asked). */
  load: () => Promise<void>
  /** Sends the action; resolves to the refusal, or undefined when it was done. */
  run: (
    action: WorkflowAction,
    input: { comment?: string; assigneeId?: string | number },
  ) => Promise<Refused | undefined>
  /** Shows the stored article in the form again (after someone else acted on it). */
  reloadDocument: () => Promise<void>
}

/**
 * The review panel's state: the article's workflow status for the signed-in person
 * (`GET /api/articles/:id/workflow`), reloaded whenever the document is saved, and the one way to
 * act on it (`POST`, with the state and hash the person saw, so a stale view is refused).
 */
export function useWorkflow(id: string | number): Workflow {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { data, incrementVersionCount, setData, setHasPublishedDoc, setUnpublishedVersionCount } =
    useDocumentInfo()
  const { reset } = useForm()
  const [status, setStatus] = useState<WorkflowStatus>()
  const [loadError, setLoadError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const latestRequest = useRef(0)

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

  const run: Workflow['run'] = async (action, { comment, assigneeId }) => {
    if (!status) return undefined
    setBusy(true)
    try {
      const res = await fetch(`${api}/articles/${id}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action,
          comment: comment || undefined,
          assigneeId,
          expectedState: status.state,
          expectedHash: action === 'approve' ? status.contentHash : undefined,
        }),
      })
      if (!res.ok) return await refusalOf(res)
      toast.success(DONE[action])
      await refreshDocument(action)
      return undefined
    } catch (error) {
      return {
        status: 0,
        message: `The request did not reach the server: ${(error as Error).message}`,
      }
    } finally {
      setBusy(false)
      void load()
    }
  }

  const reloadDocument = async () => {
    await refreshDocument()
    await load()
  }

  return { status, loadError, busy, load, run, reloadDocument }
}
