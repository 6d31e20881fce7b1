import type { PayloadRequest } from 'payload'

import type { Article, Comment } from '../../payload-types'
import {
  ANCHOR_FIELD,
  type Anchor,
  type Attachment,
  type CommentEntry,
  mayResolve,
  reattach,
  roundSummary,
  type Thread,
  threadsOf,
} from '../../src/comments'
import { type Actor, type Id, type ReviewFacts, mayComment } from '../../src/workflow'

const idOf = (ref: unknown): Id =>
  typeof ref === 'object' && ref !== null ? (ref as { id: Id }).id : (ref as Id)

/** A stored comment as the core sees it. */
export function entryOf(doc: Comment): CommentEntry {
  const a = doc.anchor
  const anchor: Anchor | undefined =
    doc.kind === 'comment' && a && typeof a.exact === 'string'
      ? {
          field: a.field ?? 'body',
          exact: a.exact,
          prefix: a.prefix ?? '',
          suffix: a.suffix ?? '',
          start: a.start ?? 0,
          end: a.end ?? 0,
        }
      : undefined
  return {
    id: doc.id,
    kind: doc.kind,
    ...(doc.thread !== null && doc.thread !== undefined ? { threadId: idOf(doc.thread) } : {}),
    authorId: doc.author === null || doc.author === undefined ? null : idOf(doc.author),
    authorName: doc.authorName ?? '',
    body: doc.body ?? '',
    at: doc.at,
    ...(anchor ? { anchor } : {}),
    ...(doc.contentHash ? { contentHash: doc.contentHash } : {}),
  }
}

/**
 * The comment log of an article, every entry, in time order. Read with the server's access (the
 * callers have already checked that the person may read the article and its comments).
 */
export async function readLog(req: PayloadRequest, articleId: Id): Promise<CommentEntry[]> {
  const { docs } = await req.payload.find({
    collection: 'comments',
    where: { article: { equals: articleId } },
    sort: 'at',
    depth: 0,
    pagination: false,
    req,
  })
  return docs.map(entryOf)
}

/** The ids of the threads of an article still open: what a request for changes carries. */
export async function openCommentIds(req: PayloadRequest, articleId: Id): Promise<Id[]> {
  return threadsOf(await readLog(req, articleId))
    .filter((t) => !t.resolved)
    .map((t) => t.root.id)
}

/** The text of the Markdown field `field` (`body`, `variants.<n>.body`) of a revision. */
export function fieldText(revision: Pick<Article, 'body' | 'variants'>, field: string) {
  const match = ANCHOR_FIELD.exec(field)
  if (!match) return undefined
  if (match[1] === undefined) return revision.body ?? ''
  return revision.variants?.[Number(match[1])]?.body ?? undefined
}

export interface CommentView {
  id: Id
  kind: CommentEntry['kind']
  authorId: Id | null
  authorName: string
  body: string
  at: string
}

export interface ThreadView extends CommentView {
  anchor: Anchor
  /** Where the passage is in the latest revision. */
  attachment: Attachment
  contentHash?: string
  replies: CommentView[]
  /** The resolution, while resolved. */
  resolved: CommentView | null
  /** Carried by the last request for changes (open when it was made). */
  carried: boolean
  /** The signed-in person may resolve or reopen it. */
  mayResolve: boolean
}

export interface CommentsList {
  threads: ThreadView[]
  /** The signed-in person may comment and reply. */
  mayComment: boolean
  /** The last request for changes: when, and what became of the comments it carried. */
  lastRequest: { at: string; carried: number; resolved: number; stillOpen: Id[] } | null
}

const viewOf = (e: CommentEntry): CommentView => ({
  id: e.id,
  kind: e.kind,
  authorId: e.authorId,
  authorName: e.authorName,
  body: e.body,
  at: e.at,
})

/**
 * An article's threads for `actor`, each re-attached to `latest` (the latest revision), in the
 * order of their passages (outdated ones last, by time), with what became of the comments the
 * last request for changes carried.
 */
export async function listComments(
  req: PayloadRequest,
  latest: Article,
  facts: ReviewFacts,
  actor: Actor,
): Promise<CommentsList> {
  const threads = threadsOf(await readLog(req, latest.id))
  const { docs } = await req.payload.find({
    collection: 'reviews',
    where: { and: [{ article: { equals: latest.id } }, { type: { equals: 'request_changes' } }] },
    sort: '-at',
    limit: 1,
    depth: 0,
    req,
  })
  const request = docs[0]
  const carriedIds = Array.isArray(request?.openComments)
    ? (request.openComments as unknown[]).map(String)
    : []
  const views = threads.map((thread: Thread): ThreadView => {
    const text = fieldText(latest, thread.root.anchor.field)
    return {
      ...viewOf(thread.root),
      anchor: thread.root.anchor,
      attachment: text === undefined ? { status: 'outdated' } : reattach(thread.root.anchor, text),
      contentHash: thread.root.contentHash,
      replies: thread.replies.map(viewOf),
      resolved: thread.resolved ? viewOf(thread.resolved) : null,
      carried: carriedIds.includes(String(thread.root.id)),
      mayResolve: mayResolve(facts, actor, thread),
    }
  })
  const place = (t: ThreadView) =>
    t.attachment.status === 'outdated' ? Number.MAX_SAFE_INTEGER : t.attachment.start
  views.sort(
    (a, b) =>
      a.anchor.field.localeCompare(b.anchor.field) ||
      place(a) - place(b) ||
      a.at.localeCompare(b.at),
  )
  return {
    threads: views,
    mayComment: mayComment(facts, actor),
    lastRequest: request ? { at: request.at, ...roundSummary(threads, carriedIds) } : null,
  }
}
