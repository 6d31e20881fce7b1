'use client'
import loader from '@monaco-editor/loader'
import { CodeField } from '@payloadcms/ui'
import type { CodeFieldClientComponent, CodeFieldClientProps } from 'payload'
import { type CSSProperties, useCallback, useEffect, useMemo, useState } from 'react'

import './MarkdownField.scss'

type OnMount = NonNullable<CodeFieldClientProps['onMount']>

type MonacoWindow = Window & { monaco?: { editor?: unknown } }

// Payload's code field bundles its own Monaco loader, which fetches Monaco from a CDN unless
// window.monaco already exists: load it from this server first (see app/(payload)/monaco).
loader.config({ paths: { vs: '/monaco/vs' } })
let loading: Promise<void> | undefined
const loadMonaco = () =>
  (loading ??= loader.init().then((monaco) => {
    ;(window as MonacoWindow).monaco = monaco
  }))

const monacoReady = () =>
  typeof window !== 'undefined' && Boolean((window as MonacoWindow).monaco?.editor)

/**
 * Editor settings for prose: code completion off (in Markdown it only offers words already typed,
 * and Enter would accept them), long lines wrapped. A field's own `editorOptions` win.
 */
const PROSE_OPTIONS = {
  wordWrap: 'on',
  lineNumbers: 'on',
  minimap: { enabled: false },
  quickSuggestions: false,
  suggestOnTriggerCharacters: false,
  wordBasedSuggestions: 'off',
  acceptSuggestionOnEnter: 'off',
  scrollBeyondLastLine: false,
  renderLineHighlight: 'none',
  // The editor grows with its text (see onMount) and must follow its box's size.
  automaticLayout: true,
  padding: { top: 6, bottom: 6 },
} as const

/**
 * Payload's code field, with Monaco served locally: the editor of every Markdown field. It grows
 * with its text, wrapped lines included (Payload's own sizing counts only line breaks), up to
 * most of the window, and scrolls inside beyond that.
 */
export const MarkdownField: CodeFieldClientComponent = (props) => {
  const { onMount: onMountFromProps } = props
  const [height, setHeight] = useState<number>()
  const onMount = useCallback<OnMount>(
    (editor, monaco) => {
      const fit = () => setHeight(editor.getContentHeight())
      editor.onDidContentSizeChange(fit)
      fit()
      onMountFromProps?.(editor, monaco)
    },
    [onMountFromProps],
  )
  const [ready, setReady] = useState(monacoReady)
  const [failed, setFailed] = useState<string>()
  useEffect(() => {
    if (ready) return
    loadMonaco().then(
      () => setReady(true),
      (error: Error) => setFailed(error.message),
    )
  }, [ready])
  const field = useMemo(
    () => ({
      ...props.field,
      admin: {
        ...props.field.admin,
        editorOptions: { ...PROSE_OPTIONS, ...(props.field.admin?.editorOptions ?? {}) },
      },
    }),
    [props.field],
  )
  if (failed) return <p role="alert">The Markdown editor could not load: {failed}</p>
  if (!ready) return <p aria-live="polite">Loading the Markdown editor…</p>
  const style = height
    ? ({ '--markdown-editor-height': `${height}px` } as CSSProperties)
    : undefined
  return (
    <div className="markdown-field" style={style}>
      <CodeField {...props} field={field} onMount={onMount} />
    </div>
  )
}
