import { describe, expect, it } from 'vitest'

import { type Actor, MAX_COMMENT_LENGTH, type ReviewFacts } from '../workflow'
import type { Anchor } from './anchor'
import {
  type CommentEntry,
  decideComment,
  mayResolve,
  notifiesMention,
  openThreadIds,
  parseMentions,
  roundSummary,
  threadsOf,
} from './threads'

const article: ReviewFacts = {
  state: 'under_review',
  authorIds: ['author'],
  reviewerIds: [2],
  isPublished: false,
}
const author: Actor = { id: 'author', roles: ['author'] }
const reviewer: Actor = { id: '2', roles: ['reviewer'] }
const otherReviewer: Actor = { id: 3, roles: ['reviewer'] }
const editor: Actor = { id: 4, roles: ['editor'] }
const stranger: Actor = { id: 5, roles: ['author'] }
const nobody: Actor = { id: 6, roles: [] }

const anchor: Anchor = {
  field: 'body',
  exact: 'ALP',
  prefix: 'low ',
  suffix: ' is',
  start: 4,
  end: 7,
}
const entry = (
  e: Partial<CommentEntry> & Pick<CommentEntry, 'id' | 'kind' | 'at'>,
): CommentEntry => ({
  authorId: 2,
  authorName: 'Dr Reviewer',
  body: '',
  ...e,
})

const LOG: CommentEntry[] = [
  entry({ id: 1, kind: 'comment', at: '2026-01-01T10:00:00Z', body: 'Which assay?', anchor }),
  entry({ id: 2, kind: 'comment', at: '2026-01-01T10:01:00Z', body: 'Cite it.', anchor }),
  entry({ id: 4, kind: 'resolve', threadId: 1, at: '2026-01-02T09:00:00Z', authorId: 'author' }),
  entry({ id: 3, kind: 'reply', threadId: 1, at: '2026-01-01T11:00:00Z', body: 'The usual one.' }),
  entry({ id: 5, kind: 'reply', threadId: 99, at: '2026-01-01T11:00:00Z', body: 'lost' }),
]

describe('threadsOf', () => {
  it('groups the log into threads, replies in time order, resolution from the last event', () => {
    const threads = threadsOf(LOG)
    expect(threads.map((t) => t.root.id)).toEqual([1, 2])
    expect(threads[0]!.replies.map((r) => r.body)).toEqual(['The usual one.'])
    expect(threads[0]!.resolved?.id).toBe(4)
    expect(threads[1]!.resolved).toBeNull()
    expect(openThreadIds(threads)).toEqual([2])
  })

  it('reopens a thread when a reopen follows its resolution', () => {
    const threads = threadsOf([
      ...LOG,
      entry({ id: 6, kind: 'reopen', threadId: 1, at: '2026-01-03T09:00:00Z' }),
    ])
    expect(threads[0]!.resolved).toBeNull()
    expect(threads[0]!.log.map((e) => e.kind)).toEqual(['reply', 'resolve', 'reopen'])
  })

  it('says what became of the comments a request for changes carried', () => {
    expect(roundSummary(threadsOf(LOG), [1, '2'])).toEqual({
      carried: 2,
      resolved: 1,
      stillOpen: [2],
    })
    expect(roundSummary(threadsOf(LOG), [])).toEqual({ carried: 0, resolved: 0, stillOpen: [] })
  })
})

describe('who may comment and resolve', () => {
  const [thread] = threadsOf(LOG.slice(0, 1))

  it('lets authors, board members and staff comment; nobody else', () => {
    for (const actor of [author, reviewer, otherReviewer, editor]) {
      expect(decideComment(article, actor, 'comment', 'A point.')).toEqual({
        ok: true,
        body: 'A point.',
      })
    }
    for (const actor of [stranger, nobody]) {
      expect(decideComment(article, actor, 'comment', 'A point.')).toMatchObject({
        ok: false,
        code: 'forbidden',
        because: 'may_not_comment',
      })
    }
  })

  it('lets an author of the article, the commenter and staff resolve; other reviewers reply', () => {
    expect(mayResolve(article, author, thread!)).toBe(true)
    expect(mayResolve(article, reviewer, thread!)).toBe(true)
    expect(mayResolve(article, editor, thread!)).toBe(true)
    expect(mayResolve(article, otherReviewer, thread!)).toBe(false)
    expect(decideComment(article, otherReviewer, 'resolve', undefined, thread)).toMatchObject({
      code: 'forbidden',
      because: 'may_not_resolve',
    })
    expect(decideComment(article, otherReviewer, 'reply', 'Agreed.', thread)).toMatchObject({
      ok: true,
    })
  })

  it('refuses resolving twice, reopening an open thread, and empty or long comments', () => {
    const [resolved] = threadsOf(LOG)
    expect(decideComment(article, author, 'resolve', '', resolved)).toMatchObject({
      code: 'invalid_state',
      because: 'already_resolved',
    })
    expect(decideComment(article, author, 'reopen', '', thread)).toMatchObject({
      because: 'not_resolved',
    })
    expect(decideComment(article, author, 'resolve', '  ', thread)).toEqual({ ok: true, body: '' })
    expect(decideComment(article, author, 'reply', '  ', thread)).toMatchObject({
      code: 'invalid_input',
      because: 'comment_required',
    })
    expect(
      decideComment(article, author, 'comment', 'x'.repeat(MAX_COMMENT_LENGTH + 1)),
    ).toMatchObject({ because: 'comment_too_long' })
  })
})

describe('mentions', () => {
  it('finds @email mentions, each once, lower-cased', () => {
    expect(
      parseMentions(
        'Ask @Jane.Doe@Example.org and @bob@lab.example.net; cc @jane.doe@example.org.',
      ),
    ).toEqual(['jane.doe@example.org', 'bob@lab.example.net'])
  })

  it('ignores plain addresses, bare @names and addresses inside words', () => {
    expect(parseMentions('mail me@example.org, @team, x@@y.org, foo@bar@baz.org')).toEqual([])
  })

  it('notifies only people who may comment on the article, never the writer', () => {
    expect(notifiesMention(article, author, reviewer)).toBe(true)
    expect(notifiesMention(article, editor, reviewer)).toBe(true)
    expect(notifiesMention(article, reviewer, reviewer)).toBe(false)
    expect(notifiesMention(article, stranger, reviewer)).toBe(false)
  })
})
