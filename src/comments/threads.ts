import {
  actsAsAuthor,
  type Actor,
  type Id,
  includesId,
  isStaff,
  MAX_COMMENT_LENGTH,
  mayComment,
  type ReviewFacts,
  sameId,
} from '../workflow'
import type { Anchor } from './anchor'

/**
 * Review comments are an append-only log per article: a thread starts with a `comment` anchored
 * to a passage; `reply`, `resolve` and `reopen` entries name the thread they belong to. Nothing is
 * edited or deleted: a thread's state is derived from its entries, so the log is the audit trail.
 */
export const COMMENT_KINDS = ['comment', 'reply', 'resolve', 'reopen'] as const
export type CommentKind = (typeof COMMENT_KINDS)[number]

export interface CommentEntry {
  id: Id
  kind: CommentKind
  /** The thread's first comment; absent exactly on a `comment`. */
  threadId?: Id
  authorId: Id | null
  /** The author's name when they wrote it. */
  authorName: string
  body: string
  /** ISO time. */
  at: string
  /** On a `comment`: the passage, in the revision `contentHash`. */
  anchor?: Anchor
  contentHash?: string
}

export interface Thread {
  root: CommentEntry & { anchor: Anchor }
  /** Replies, oldest first. */
  replies: CommentEntry[]
  /** The entry that resolved it, while it is resolved. */
  resolved: CommentEntry | null
  /** Every entry of the thread after the first, oldest first (replies, resolutions, reopenings). */
  log: CommentEntry[]
}

/**
 * The threads of an article's comment log, oldest first. Entries may come in any order; each
 * thread's entries are taken in time order (then id order), so the last `resolve` or `reopen`
 * decides whether it is resolved. Entries of a thread that is not in the log are left out.
 */
export function threadsOf(entries: readonly CommentEntry[]): Thread[] {
  const ordered = [...entries].sort(
    (a, b) =>
      a.at.localeCompare(b.at) || String(a.id).localeCompare(String(b.id), 'en', { numeric: true }),
  )
  const threads = new Map<string, Thread>()
  for (const entry of ordered) {
    if (entry.kind === 'comment') {
      if (!entry.anchor) continue
      threads.set(String(entry.id), {
        root: entry as Thread['root'],
        replies: [],
        resolved: null,
        log: [],
      })
      continue
    }
    const thread = entry.threadId === undefined ? undefined : threads.get(String(entry.threadId))
    if (!thread) continue
    thread.log.push(entry)
    if (entry.kind === 'reply') thread.replies.push(entry)
    else thread.resolved = entry.kind === 'resolve' ? entry : null
  }
  return [...threads.values()]
}

/** The threads still open (not resolved), by id: what a request for changes carries. */
export function openThreadIds(threads: readonly Thread[]): Id[] {
  return threads.filter((t) => !t.resolved).map((t) => t.root.id)
}

/**
 * What became of the comments a request for changes carried (`openAtRequest`, stored with the
 * event): how many, how many are resolved since, and which are still open.
 */
export function roundSummary(threads: readonly Thread[], openAtRequest: readonly Id[]) {
  const carried = threads.filter((t) => includesId(openAtRequest, t.root.id))
  const stillOpen = carried.filter((t) => !t.resolved).map((t) => t.root.id)
  return { carried: carried.length, resolved: carried.length - stillOpen.length, stillOpen }
}

export type CommentRefusalReason =
  | 'may_not_comment'
  | 'may_not_resolve'
  | 'comment_required'
  | 'comment_too_long'
  | 'already_resolved'
  | 'not_resolved'

export interface CommentRefusal {
  ok: false
  /** As the workflow's: `forbidden` 403, `invalid_state` 409, `invalid_input` 400. */
  code: 'forbidden' | 'invalid_state' | 'invalid_input'
  because: CommentRefusalReason
  reason: string
}

/**
 * May resolve (or reopen) a thread: an author of the article, the person who started the thread,
 * or staff. Other reviewers reply instead.
 */
export function mayResolve(article: ReviewFacts, actor: Actor, thread: Thread): boolean {
  return (
    isStaff(actor) ||
    actsAsAuthor(article, actor) ||
    (thread.root.authorId !== null && sameId(thread.root.authorId, actor.id))
  )
}

/**
 * Whether `actor` may add an entry of `kind` to the comments of `article` (to `thread`, for all
 * but a new `comment`), checked in the workflow's order: who, then state, then input. A comment or
 * reply needs a non-blank `body` of at most `MAX_COMMENT_LENGTH` characters; a resolution's
 * note is optional. Returns the trimmed body to store.
 */
export function decideComment(
  article: ReviewFacts,
  actor: Actor,
  kind: CommentKind,
  body: string | undefined,
  thread?: Thread,
): { ok: true; body: string } | CommentRefusal {
  const refuse = (
    code: CommentRefusal['code'],
    because: CommentRefusalReason,
    reason: string,
  ): CommentRefusal => ({ ok: false, code, because, reason })
  if (!mayComment(article, actor)) {
    return refuse(
      'forbidden',
      'may_not_comment',
      'Only the authors of this article, members of the advisory board and editors can comment on it',
    )
  }
  if (kind === 'resolve' || kind === 'reopen') {
    if (!thread) throw new TypeError(`decideComment: ${kind} needs the thread`)
    if (!mayResolve(article, actor, thread)) {
      return refuse(
        'forbidden',
        'may_not_resolve',
        `Only an author of the article, the person who wrote the comment, or an editor can ${kind} it: reply instead`,
      )
    }
    if (kind === 'resolve' && thread.resolved) {
      return refuse('invalid_state', 'already_resolved', 'This comment is already resolved')
    }
    if (kind === 'reopen' && !thread.resolved) {
      return refuse(
        'invalid_state',
        'not_resolved',
        'This comment is open: there is nothing to reopen',
      )
    }
  } else if (kind === 'reply' && !thread) {
    throw new TypeError('decideComment: a reply needs the thread')
  }
  const trimmed = (body ?? '').trim()
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    return refuse(
      'invalid_input',
      'comment_too_long',
      `The comment has ${trimmed.length} characters: at most ${MAX_COMMENT_LENGTH} are accepted`,
    )
  }
  if ((kind === 'comment' || kind === 'reply') && trimmed === '') {
    return refuse('invalid_input', 'comment_required', 'Write the comment first: it is empty')
  }
  return { ok: true, body: trimmed }
}

/** A comment notifies at most this many people; further mentions are reported, not sent. */
export const MAX_MENTIONS = 20

/**
 * The people a comment mentions, as `@name@example.org`: lower-cased email addresses, each once,
 * in the order written. An address inside a word (`me@example.org` without the leading `@`) is
 * not a mention.
 */
export function parseMentions(body: string): string[] {
  const found = new Set<string>()
  for (const match of body.matchAll(
    /(?<![\w@.])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g,
  )) {
    found.add(match[1]!.toLowerCase())
  }
  return [...found]
}

/**
 * Whether a person mentioned in a comment is told of it: only someone who may comment on the
 * article (so may read its drafts), and never the person who wrote the comment.
 */
export function notifiesMention(article: ReviewFacts, person: Actor, writer: Actor): boolean {
  return mayComment(article, person) && !sameId(person.id, writer.id)
}
