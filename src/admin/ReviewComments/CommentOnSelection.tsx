'use client'
import { Button, useFormModified } from '@payloadcms/ui'
import type { CodeFieldClientProps } from 'payload'
import { useEffect, useId, useRef, useState } from 'react'

import type { Refused } from '../requests'
import { SHOW_PASSAGE, type ShowPassage, useComments } from './useComments'

import './index.scss'

type OnMount = NonNullable<CodeFieldClientProps['onMount']>
type Editor = Parameters<OnMount>[0]
type Monaco = Parameters<OnMount>[1]

interface Selected {
  start: number
  end: number
  exact: string
}

/** Quotes longer than this are shortened in the composer (the whole passage is still sent). */
const SHOWN_QUOTE = 240

/**
 * Under a Markdown editor: comment on the text selected in it (the selection's offsets and text
 * are sent; the server anchors the comment to its saved revision), and the passages that have
 * open comments highlighted in the editor. A "show" request from the review panel selects its
 * passage here.
 */
export function CommentOnSelection({
  path,
  editor,
}: {
  path: string
  editor?: { editor: Editor; monaco: Monaco }
}) {
  const { list, send } = useComments()
  const modified = useFormModified()
  const [selected, setSelected] = useState<Selected>()
  const [pending, setPending] = useState<Selected>()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Refused>()
  const decorations = useRef<string[]>([])
  const labelId = useId()

  // Follow the editor's selection.
  useEffect(() => {
    if (!editor) return
    const model = editor.editor.getModel()
    if (!model) return
    const subscription = editor.editor.onDidChangeCursorSelection(({ selection }) => {
      const start = model.getOffsetAt(selection.getStartPosition())
      const end = model.getOffsetAt(selection.getEndPosition())
      const exact = model.getValueInRange(selection)
      setSelected(end > start && exact.trim() ? { start, end, exact } : undefined)
    })
    return () => subscription.dispose()
  }, [editor])

  // Highlight the passages of this field that open comments point to.
  useEffect(() => {
    const model = editor?.editor.getModel()
    if (!editor || !model || !list) return
    const marks = list.threads.flatMap((thread) => {
      const { attachment } = thread
      if (thread.anchor.field !== path || thread.resolved || attachment.status === 'outdated') {
        return []
      }
      const from = model.getPositionAt(attachment.start)
      const to = model.getPositionAt(attachment.end)
      return [
        {
          range: new editor.monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
          options: {
            inlineClassName: 'review-comment-mark',
            hoverMessage: { value: `Comment by ${thread.authorName}: ${thread.body}` },
          },
        },
      ]
    })
    decorations.current = editor.editor.deltaDecorations(decorations.current, marks)
  }, [editor, list, path])

  // The review panel asks to show a passage of this field.
  useEffect(() => {
    if (!editor) return
    const show = (event: Event) => {
      const detail = (event as CustomEvent<ShowPassage>).detail
      const model = editor.editor.getModel()
      if (!model || detail.field !== path) return
      const from = model.getPositionAt(detail.start)
      const to = model.getPositionAt(detail.end)
      const range = new editor.monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column)
      editor.editor.setSelection(range)
      editor.editor.revealRangeInCenter(range)
      editor.editor.focus()
    }
    window.addEventListener(SHOW_PASSAGE, show)
    return () => window.removeEventListener(SHOW_PASSAGE, show)
  }, [editor, path])

  if (!list?.mayComment) return null

  const submit = async () => {
    if (!pending) return
    setBusy(true)
    setFailure(undefined)
    const refused = await send({
      kind: 'comment',
      body: text,
      anchor: { field: path, start: pending.start, end: pending.end, exact: pending.exact },
    })
    setBusy(false)
    if (refused) {
      setFailure(refused)
      return
    }
    setPending(undefined)
    setText('')
  }

  if (!pending) {
    return (
      <div className="comment-selection" data-testid={`comment-selection-${path}`}>
        <Button
          buttonStyle="secondary"
          size="small"
          disabled={!selected}
          onClick={() => {
            setFailure(undefined)
            setPending(selected)
          }}
        >
          Comment on the selection
        </Button>
        <span className="comment-selection__hint">
          {selected
            ? `${selected.end - selected.start} characters selected`
            : 'Select text in the editor or the preview to comment on it.'}
        </span>
      </div>
    )
  }

  const quote =
    pending.exact.length > SHOWN_QUOTE ? `${pending.exact.slice(0, SHOWN_QUOTE)}…` : pending.exact
  return (
    <div className="comment-selection comment-selection--open" data-testid="comment-composer">
      <p className="comment-selection__label" id={labelId}>
        Comment on the selected text
      </p>
      <blockquote className="review-comments__quote">{quote}</blockquote>
      {modified ? (
        <p className="comment-selection__warning" role="status">
          This article has unsaved changes. Comments are anchored to the saved version: save first,
          or the comment may point to the wrong text.
        </p>
      ) : null}
      <textarea
        className="review-comments__textarea"
        aria-labelledby={labelId}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="What should change? Mention someone with @their@email"
      />
      {failure ? (
        <p className="review-comments__failure" role="alert">
          Not added. {failure.message}
        </p>
      ) : null}
      <div className="review-comments__buttons">
        <Button
          buttonStyle="primary"
          size="small"
          disabled={busy || !text.trim()}
          onClick={() => void submit()}
        >
          Add comment
        </Button>
        <Button
          buttonStyle="secondary"
          size="small"
          onClick={() => {
            setPending(undefined)
            setFailure(undefined)
          }}
        >
          Cancel
        </Button>
      </div>
    </div>
  )
}
