'use client'
import { Button, useConfig, useDocumentInfo, useForm } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useCallback, useId, useState } from 'react'

import { useHydrated } from './hydrated'
import { idOf } from './ids'
import { errorMessageOf } from './requests'

import './PagePreview.scss'

/** The form's content in the shape `POST /api/articles/preview-page` takes. */
function previewBody(data: Record<string, unknown>, id: string | number | undefined) {
  const ids = (value: unknown) =>
    (Array.isArray(value) ? value : []).map(idOf).filter((v) => v !== undefined)
  return {
    id,
    title: data.title ?? null,
    summary: data.summary ?? null,
    topics: Array.isArray(data.topics) ? data.topics : null,
    body: data.body ?? null,
    variants: Array.isArray(data.variants)
      ? (data.variants as Record<string, unknown>[]).map((v) => ({
          audience: v.audience,
          title: v.title ?? null,
          summary: v.summary ?? null,
          body: v.body ?? null,
        }))
      : null,
    citations: ids(data.citations),
    authors: ids(data.authors),
  }
}

/**
 * "As readers will see it": the whole article page, unsaved edits included, rendered on the server
 * by the site's own page component (every audience version with its switch, the disclaimer, the
 * pending-review banner) and shown in a sandboxed frame.
 */
export const PagePreview: UIFieldClientComponent = () => {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { id } = useDocumentInfo()
  const { getData } = useForm()
  const [html, setHtml] = useState<string>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(false)
  const hydrated = useHydrated()
  const headingId = useId()

  const refresh = useCallback(async () => {
    setLoading(true)
    try {
      const res = await fetch(`${api}/articles/preview-page`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(previewBody(getData() as Record<string, unknown>, id ?? undefined)),
      })
      if (!res.ok) throw new Error(await errorMessageOf(res))
      setHtml(await res.text())
      setError(undefined)
    } catch (e) {
      setError(`The page preview could not be made: ${(e as Error).message}`)
    } finally {
      setLoading(false)
    }
  }, [api, getData, id])

  const openInTab = () => {
    if (!html) return
    // A blob has no address to resolve the page's /assets/ links against: give it this server's.
    const page = html.replace('<head>', `<head><base href="${window.location.origin}/">`)
    const url = URL.createObjectURL(new Blob([page], { type: 'text/html' }))
    window.open(url, '_blank', 'noopener')
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }

  return (
    <section className="page-preview" aria-labelledby={headingId} data-testid="page-preview">
      <div className="page-preview__header">
        <h3 id={headingId} className="page-preview__title">
          Page preview
        </h3>
        <p className="page-preview__hint">
          The whole page as readers will see it, with your unsaved changes.
        </p>
        <div className="page-preview__buttons">
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={!hydrated}
            onClick={() => void refresh()}
          >
            {loading ? 'Rendering…' : html ? 'Refresh preview' : 'Show page preview'}
          </Button>
          {html ? (
            <Button buttonStyle="secondary" size="small" onClick={openInTab}>
              Open in a new tab
            </Button>
          ) : null}
        </div>
      </div>
      {error ? (
        <p className="page-preview__error" role="alert">
          {error}
        </p>
      ) : null}
      {html ? (
        <iframe
          className="page-preview__frame"
          title="Page preview: the article as readers will see it"
          srcDoc={html}
          // Its own scripts run (the audience switch), nothing else: no access to the admin.
          sandbox="allow-scripts"
        />
      ) : null}
    </section>
  )
}
