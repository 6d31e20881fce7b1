'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { CommentRequest } from '../../../collections/Articles/endpoints/comments'
import type { CommentsList } from '../../../collections/Comments/log'
import { errorMessageOf, type Refused, refusalOf } from '../requests'

/** Fired on `window` when a comment was added, so every view of the comments reloads. */
export const COMMENTS_CHANGED = 'review-comments:changed'

/** Fired on `window` to show a passage in its editor: `detail` is `{ field, start, end }`. */
export const SHOW_PASSAGE = 'review-comments:show'

export interface ShowPassage {
  field: string
  start: number
  end: number
}

export interface Comments {
  list?: CommentsList
  loadError?: string
  /** Appends one entry; resolves to the refusal, or undefined when it was stored. */
  send: (request: CommentRequest) => Promise<Refused | undefined>
}

/**
 * The review comments of the article being edited (`GET /api/articles/:id/comments`), reloaded
 * when the document is saved and whenever a comment is added from any component.
 */
export function useComments(): Comments {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { id, data } = useDocumentInfo()
  const [list, setList] = useState<CommentsList>()
  const [loadError, setLoadError] = useState<string>()
  const latest = useRef(0)
  const updatedAt = (data as { updatedAt?: string } | undefined)?.updatedAt

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    const request = ++latest.current
    try {
      const res = await fetch(`${api}/articles/${id}/comments`, {
        credentials: 'include',
        cache: 'no-store',
      })
      if (!res.ok) throw new Error(await errorMessageOf(res))
      const next = (await res.json()) as CommentsList
      if (request !== latest.current) return
      setList(next)
      setLoadError(undefined)
    } catch (error) {
      if (request === latest.current) setLoadError((error as Error).message)
    }
  }, [api, id])

  useEffect(() => {
    void load()
  }, [load, updatedAt])
  useEffect(() => {
    const reload = () => void load()
    window.addEventListener(COMMENTS_CHANGED, reload)
    return () => window.removeEventListener(COMMENTS_CHANGED, reload)
  }, [load])

  const send = useCallback<Comments['send']>(
    async (request) => {
      try {
        const res = await fetch(`${api}/articles/${id}/comments`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        })
        if (!res.ok) return await refusalOf(res)
        window.dispatchEvent(new Event(COMMENTS_CHANGED))
        return undefined
      } catch (error) {
        return {
          status: 0,
          message: `The request did not reach the server: ${(error as Error).message}`,
        }
      }
    },
    [api, id],
  )

  return { list, loadError, send }
}

/** Where a comment's field is, for people, as the edit view labels it: the body, or an audience version. */
export function fieldLabel(field: string): string {
  const variant = /^variants\.(\d+)\.body$/.exec(field)
  return variant ? `Audience version ${Number(variant[1]) + 1}` : 'Body'
}
