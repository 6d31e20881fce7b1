'use client'
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useId, useState } from 'react'

import type { WorkflowStatus } from '../../../collections/Articles/workflow/status'
import { PREVIEW_LINK_LIMITS } from '../../workflow/previewLinks'
import { formatDateTime } from '../dates'
import { errorMessageOf } from '../requests'

type Link = NonNullable<WorkflowStatus['previewLinks']>[number]

/**
 * For editors, in the review panel: share the article's current revision with someone who has no
 * account (`POST /api/preview-links/new`: who it is for, how many days, an optional password and
 * use limit). The address is shown once, to copy; the list below says how each link stands, and
 * withdraws one at once.
 */
export function PreviewLinks({
  articleId,
  links,
  onChanged,
}: {
  articleId: string | number
  links: Link[]
  onChanged: () => Promise<void>
}) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const ids = { recipient: useId(), days: useId(), password: useId(), uses: useId(), url: useId() }
  const [recipient, setRecipient] = useState('')
  const [days, setDays] = useState(String(PREVIEW_LINK_LIMITS.days.default))
  const [password, setPassword] = useState('')
  const [maxUses, setMaxUses] = useState('')
  const [busy, setBusy] = useState(false)
  const [made, setMade] = useState<string>()
  const [error, setError] = useState<string>()

  const create = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const res = await fetch(`${api}/preview-links/new`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          article: articleId,
          recipient,
          days: Number(days),
          ...(password ? { password } : {}),
          ...(maxUses ? { maxUses: Number(maxUses) } : {}),
        }),
      })
      if (!res.ok) {
        setError(await errorMessageOf(res))
        return
      }
      setMade(((await res.json()) as { url: string }).url)
      setRecipient('')
      setPassword('')
      setMaxUses('')
      await onChanged()
    } finally {
      setBusy(false)
    }
  }
  const revoke = async (link: Link) => {
    const res = await fetch(`${api}/preview-links/${link.id}/revoke`, {
      method: 'POST',
      credentials: 'include',
    })
    if (!res.ok) toast.error(`Not withdrawn: ${await errorMessageOf(res)}`)
    await onChanged()
  }
  const now = Date.now()
  const standing = (link: Link) =>
    link.revokedAt
      ? 'withdrawn'
      : new Date(link.expiresAt).getTime() <= now
        ? 'expired'
        : link.maxUses !== null && link.uses >= link.maxUses
          ? 'used up'
          : 'open'

  return (
    <div className="preview-links" data-testid="preview-links">
      {/* Not a <form>: the panel is inside the document's own form, and forms do not nest. */}
      <div
        className="preview-links__form"
        role="group"
        aria-label="Share a preview link"
        onKeyDown={(e) => {
          // Enter shares the link, as in a form of its own, rather than saving the article.
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
            e.preventDefault()
            if (recipient.trim() && !busy) void create()
          }
        }}
      >
        <label htmlFor={ids.recipient}>For whom</label>
        <input
          id={ids.recipient}
          value={recipient}
          required
          maxLength={200}
          placeholder="e.g. Dr Jane Roe, cardiology"
          onChange={(e) => setRecipient(e.target.value)}
        />
        <div className="preview-links__row">
          <span>
            <label htmlFor={ids.days}>Days open</label>
            <input
              id={ids.days}
              type="number"
              min={PREVIEW_LINK_LIMITS.days.min}
              max={PREVIEW_LINK_LIMITS.days.max}
              required
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          </span>
          <span>
            <label htmlFor={ids.uses}>Opens allowed (optional)</label>
            <input
              id={ids.uses}
              type="number"
              min={PREVIEW_LINK_LIMITS.uses.min}
              max={PREVIEW_LINK_LIMITS.uses.max}
              value={maxUses}
              onChange={(e) => setMaxUses(e.target.value)}
            />
          </span>
        </div>
        <label htmlFor={ids.password}>Password (optional)</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          minLength={PREVIEW_LINK_LIMITS.passwordLength.min}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button
          buttonStyle="secondary"
          size="small"
          disabled={busy || !recipient.trim()}
          onClick={() => void create()}
        >
          Share a preview link
        </Button>
        {error ? (
          <p className="review-panel__failure" role="alert">
            Not shared: {error}
          </p>
        ) : null}
      </div>
      {made ? (
        <div className="preview-links__made" role="status">
          <label htmlFor={ids.url}>
            The link (shown once: copy it now and send it with its password, if any)
          </label>
          <input id={ids.url} readOnly value={made} onFocus={(e) => e.target.select()} />
          <Button
            buttonStyle="secondary"
            size="small"
            onClick={() =>
              void navigator.clipboard?.writeText(made).then(() => toast.success('Copied'))
            }
          >
            Copy
          </Button>
        </div>
      ) : null}
      {links.length ? (
        <ul className="preview-links__list">
          {links.map((link) => {
            const state = standing(link)
            return (
              <li key={link.id} data-standing={state}>
                <strong>{link.recipient}</strong> · {state}
                <br />
                <span className="review-panel__muted">
                  until <time dateTime={link.expiresAt}>{formatDateTime(link.expiresAt)}</time>,
                  opened {link.uses}
                  {link.maxUses !== null ? ` of ${link.maxUses}` : ''} time
                  {link.uses === 1 && link.maxUses === null ? '' : 's'}
                  {link.hasPassword ? ', with a password' : ''}
                </span>
                {state === 'open' ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="review-panel__link"
                      onClick={() => void revoke(link)}
                    >
                      Withdraw
                    </button>
                  </>
                ) : null}
              </li>
            )
          })}
        </ul>
      ) : null}
    </div>
  )
}
