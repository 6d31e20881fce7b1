'use client'
import { useConfig, useFormFields } from '@payloadcms/ui'
import type { CodeFieldClientComponent, CodeFieldClientProps } from 'payload'
import { type MouseEvent, type SyntheticEvent, useCallback, useEffect, useState } from 'react'

import type { PreviewResult } from '../../collections/Articles/endpoints/preview'
import { CONTEXT_LENGTH, locateInSource } from '../comments/anchor'
import type { ContentProblem } from '../markdown/types'
import { idOf } from './ids'
import { MarkdownField } from './MarkdownField'
import { ProblemList, ProblemSummary } from './ProblemList'
import { errorMessageOf } from './requests'
import { CommentOnSelection } from './ReviewComments/CommentOnSelection'

import './ArticleMarkdownField.scss'

type OnMount = NonNullable<CodeFieldClientProps['onMount']>
type Editor = Parameters<OnMount>[0]
type Monaco = Parameters<OnMount>[1]

const DEBOUNCE_MS = 400
const MARKER_OWNER = 'markdown-checks'

/**
 * An article's Markdown (the body, or an audience version's body) with, under the editor, the
 * content checks and a preview as the author types: rendered by the server's own pipeline
 * (`POST /api/articles/preview`) with the references chosen in the article's Citations field.
 * Problems are also underlined in the editor; clicking a problem's line shows it there.
 */
export const ArticleMarkdownField: CodeFieldClientComponent = (props) => {
  const [editor, setEditor] = useState<{ editor: Editor; monaco: Monaco }>()
  const onMount = useCallback<OnMount>((editor, monaco) => setEditor({ editor, monaco }), [])
  return (
    <div className="article-markdown">
      <MarkdownField {...props} onMount={onMount} />
      <CommentOnSelection path={props.path} editor={editor} />
      <MarkdownChecks path={props.path} variant={props.path !== 'body'} editor={editor} />
    </div>
  )
}

function MarkdownChecks({
  path,
  variant,
  editor,
}: {
  path: string
  variant: boolean
  editor?: { editor: Editor; monaco: Monaco }
}) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const markdown = useFormFields(([fields]) => fields[path]?.value) as string | null | undefined
  const citationsValue = useFormFields(([fields]) => fields.citations?.value)
  const citationIds = JSON.stringify(
    (Array.isArray(citationsValue) ? citationsValue : [])
      .map(idOf)
      .filter((id) => id !== undefined),
  )
  const [result, setResult] = useState<PreviewResult>()
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<string>()

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setChecking(true)
      try {
        const res = await fetch(`${api}/articles/preview`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            markdown: markdown ?? '',
            citations: JSON.parse(citationIds),
            variant,
            idPrefix: `preview-${path.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-`,
          }),
          signal: controller.signal,
        })
        if (!res.ok) throw new Error(await errorMessageOf(res))
        setResult((await res.json()) as PreviewResult)
        setError(undefined)
      } catch (e) {
        if (controller.signal.aborted) return
        setError(`The checks could not run: ${(e as Error).message}`)
      } finally {
        if (!controller.signal.aborted) setChecking(false)
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, markdown, citationIds, variant])

  // Underline each problem in the editor, from its column to the end of the word there.
  useEffect(() => {
    const model = editor?.editor.getModel()
    if (!editor || !model) return
    const { monaco } = editor
    const markers = (result?.problems ?? []).flatMap((problem) => {
      if (problem.line === undefined || problem.line > model.getLineCount()) return []
      const text = model.getLineContent(problem.line)
      const start = Math.min(problem.column ?? 1, text.length + 1)
      const rest = text.slice(start - 1).search(/\s/)
      const end = rest > 0 ? start + rest : Math.max(start + 1, text.length + 1)
      return [
        {
          startLineNumber: problem.line,
          endLineNumber: problem.line,
          startColumn: start,
          endColumn: end,
          message: problem.message,
          severity:
            problem.severity === 'error'
              ? monaco.MarkerSeverity.Error
              : monaco.MarkerSeverity.Warning,
        },
      ]
    })
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers)
  }, [editor, result])

  const show = useCallback(
    (problem: ContentProblem) => {
      if (!editor || problem.line === undefined) return
      editor.editor.revealLineInCenter(problem.line)
      editor.editor.setPosition({ lineNumber: problem.line, column: problem.column ?? 1 })
      editor.editor.focus()
    },
    [editor],
  )

  // Links in the preview must not take the author away from unsaved work.
  const onPreviewClick = useCallback((event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a')
    const href = link?.getAttribute('href')
    if (!link || !href) return
    event.preventDefault()
    if (href.startsWith('#')) {
      const target = event.currentTarget.querySelector(`[id="${CSS.escape(href.slice(1))}"]`)
      target?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    } else {
      window.open(href, '_blank', 'noopener,noreferrer')
    }
  }, [])

  // Text selected in the preview selects its source in the editor, where it can be commented on.
  const onPreviewSelect = useCallback(
    (event: SyntheticEvent<HTMLDivElement>) => {
      const selection = window.getSelection()
      const model = editor?.editor.getModel()
      if (!editor || !model || !selection || selection.isCollapsed || !selection.rangeCount) return
      const range = selection.getRangeAt(0)
      const preview = event.currentTarget
      if (!preview.contains(range.commonAncestorContainer)) return
      const around = (from: boolean) => {
        const side = document.createRange()
        side.selectNodeContents(preview)
        if (from) side.setEnd(range.startContainer, range.startOffset)
        else side.setStart(range.endContainer, range.endOffset)
        return side.toString()
      }
      const found = locateInSource(model.getValue(), {
        exact: range.toString(),
        prefix: around(true).slice(-CONTEXT_LENGTH),
        suffix: around(false).slice(0, CONTEXT_LENGTH),
      })
      if (!found) return
      const from = model.getPositionAt(found.start)
      const to = model.getPositionAt(found.end)
      const source = new editor.monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column)
      editor.editor.setSelection(source)
      editor.editor.revealRangeInCenter(source)
    },
    [editor],
  )

  const problems = result?.problems ?? []
  return (
    <div className="markdown-checks">
      <div className="markdown-checks__header">
        <h3 className="markdown-checks__title">Checks</h3>
        <ProblemSummary
          problems={problems}
          ifErrors="errors must be fixed before submitting"
          pending={!result}
          live
        />
        {checking && result ? <span className="markdown-checks__busy">Checking…</span> : null}
      </div>
      {error ? (
        <p className="markdown-checks__error" role="alert">
          {error}
        </p>
      ) : null}
      <ProblemList problems={problems} onSelect={editor ? show : undefined} />
      <details className="markdown-preview" open>
        <summary>Preview</summary>
        {result?.html ? (
          <div
            className="markdown-preview__body"
            onClick={onPreviewClick}
            onMouseUp={onPreviewSelect}
            onKeyUp={onPreviewSelect}
            // Sanitized on the server by the Markdown pipeline (rehype-sanitize, explicit schema).
            dangerouslySetInnerHTML={{ __html: result.html }}
          />
        ) : (
          <p className="markdown-preview__empty">
            {result ? 'Nothing to preview yet.' : 'Loading the preview…'}
          </p>
        )}
      </details>
    </div>
  )
}
