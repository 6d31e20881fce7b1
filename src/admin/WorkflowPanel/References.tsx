'use client'
import { toast, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

import type { WorkflowStatus } from '../../../collections/Articles/workflow/status'
import { formatDateTime } from '../dates'
import { errorMessageOf } from '../requests'

/**
 * The revision's references in the review panel: each one verified or not (by whom, when), and
 * for board members and staff a tick to mark it checked against its source (`PATCH` of the
 * citation's `verified`; the server records who and when, and clears it when the reference's data
 * changes). Says what the site's policy asks of an approval, and why approving is refused now.
 */
export function References({
  references,
  onChanged,
}: {
  references: WorkflowStatus['references']
  onChanged: () => Promise<void>
}) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [saving, setSaving] = useState<string | number>()
  // The tick shows at once; the status reloaded after the save says what the server recorded.
  const [ticked, setTicked] = useState<{ id: string | number; value: boolean }>()
  const { items } = references
  if (!items.length)
    return <p className="review-panel__muted">This revision lists no references.</p>
  const verified = items.filter((i) => i.verified).length

  const setVerified = async (id: string | number, value: boolean) => {
    setSaving(id)
    setTicked({ id, value })
    try {
      const res = await fetch(`${api}/citations/${id}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ verified: value }),
      })
      if (!res.ok) toast.error(`Not saved: ${await errorMessageOf(res)}`)
      await onChanged()
    } finally {
      setSaving(undefined)
      setTicked(undefined)
    }
  }

  return (
    <div className="review-references" data-testid="review-references">
      <p className="review-references__summary">
        {verified} of {items.length} verified. {references.policyLabel}.
      </p>
      {references.blocking ? (
        <p className="review-references__blocking" data-testid="references-blocking">
          {references.blocking}
        </p>
      ) : null}
      <ul className="review-references__list">
        {items.map((item) => {
          const label = (
            <>
              <code>[@{item.key}]</code> {item.title}
            </>
          )
          const state = item.verified ? (
            <span className="review-references__state">
              Verified{item.verifiedBy ? ` by ${item.verifiedBy}` : ''}
              {item.verifiedAt ? (
                <>
                  {', '}
                  <time dateTime={item.verifiedAt}>{formatDateTime(item.verifiedAt)}</time>
                </>
              ) : null}
            </span>
          ) : (
            <span className="review-references__state review-references__state--open">
              Not verified
            </span>
          )
          return (
            <li key={item.id} className="review-references__item">
              {references.mayVerify ? (
                <label className="review-references__check">
                  <input
                    type="checkbox"
                    checked={ticked?.id === item.id ? ticked.value : item.verified}
                    disabled={saving !== undefined}
                    onChange={(e) => void setVerified(item.id, e.target.checked)}
                  />
                  <span>
                    {label}
                    <br />
                    {state}
                  </span>
                </label>
              ) : (
                <span>
                  {label}
                  <br />
                  {state}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
