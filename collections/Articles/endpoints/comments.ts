import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Article, Comment } from '../../../payload-types'
import {
  anchorAt,
  decideComment,
  MAX_MENTIONS,
  MAX_QUOTE_LENGTH,
  notifiesMention,
  parseMentions,
  threadsOf,
} from '../../../src/comments'
import { siteUrl } from '../../../src/config/env'
import { lockArticle } from '../../../src/config/locks'
import { runInTransaction } from '../../../src/config/transactions'
import { mentionNotice } from '../../../src/notifications/messages'
import { MAX_COMMENT_LENGTH } from '../../../src/workflow'
import { entryOf, fieldText, listComments, readLog } from '../../Comments/log'
import { actorOf, isPublished, reviewFactsOf, revisionHash, withCitations } from '../workflow/facts'
import { readBody, refusal } from './respond'

const id = z.union([z.string().min(1), z.number()])

/** A new comment on a passage, or a reply, resolution or reopening of a thread. */
export const commentRequestSchema = z.union([
  z.strictObject({
    kind: z.literal('comment'),
    body: z.string().max(MAX_COMMENT_LENGTH),
    anchor: z.strictObject({
      field: z.string().max(40),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      /** The text the person selected: refused (409) when the saved revision has other text there. */
      exact: z.string().max(MAX_QUOTE_LENGTH * 2),
    }),
  }),
  z.strictObject({
    kind: z.enum(['reply', 'resolve', 'reopen']),
    thread: id,
    body: z.string().max(MAX_COMMENT_LENGTH).optional(),
  }),
])
export type CommentRequest = z.infer<typeof commentRequestSchema>

const STATUS = { forbidden: 403, invalid_state: 409, invalid_input: 400 } as const

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly because: string,
  ) {
    super(message)
  }
}

/** The latest revision of the article as `req.user` may see it, or a 404. */
async function latestRevision(req: PayloadRequest, articleId: string): Promise<Article> {
  const revision = await req.payload
    .findByID({
      collection: 'articles',
      id: articleId,
      draft: true,
      depth: 0,
      req,
      overrideAccess: false,
      user: req.user,
    })
    .catch(() => undefined)
  if (!revision)
    throw new Refused(404, `There is no article ${articleId} that you can see`, 'not_found')
  return revision
}

/**
 * `GET /api/articles/:id/comments`: the article's review comments, threaded, each re-attached to
 * the latest revision (attached, moved or outdated), with what the signed-in person may do and
 * what became of the comments the last request for changes carried.
 */
export const commentsListEndpoint: Endpoint = {
  path: '/:id/comments',
  method: 'get',
  handler: async (req) => {
    if (!req.user || req.user.collection !== 'users') {
      return refusal(401, 'Sign in to read the review comments of an article')
    }
    try {
      const latest = await latestRevision(req, String(req.routeParams?.id))
      const facts = reviewFactsOf(latest, await isPublished(req, latest.id))
      return Response.json(await listComments(req, latest, facts, actorOf(req.user)))
    } catch (error) {
      if (error instanceof Refused)
        return refusal(error.status, error.message, { because: error.because })
      throw error
    }
  },
}

/**
 * `POST /api/articles/:id/comments` with `{ kind: 'comment', body, anchor: { field, start, end,
 * exact } }` (a comment on the passage `start..end` of the saved latest revision's `field`), or
 * `{ kind: 'reply' | 'resolve' | 'reopen', thread, body? }`. Appends one entry to the article's
 * comment log (201); people it mentions as `@email` who may read the article are emailed once
 * it is stored. Refusals: 400, 401, 403, 404, 409, with `because`.
 */
export const commentsPostEndpoint: Endpoint = {
  path: '/:id/comments',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    if (!user || user.collection !== 'users') return refusal(401, 'Sign in to comment')
    const body = await readBody(
      req,
      commentRequestSchema,
      '{ "kind": "comment", "body": "…", "anchor": { "field": "body", "start": 0, "end": 10, "exact": "…" } }',
    )
    if (!body.ok) return body.response
    const input = body.data
    try {
      const done = await runInTransaction(req, async () => {
        const articleId = String(req.routeParams?.id)
        await lockArticle(req, articleId)
        const revision = await latestRevision(req, articleId)
        const facts = reviewFactsOf(revision, await isPublished(req, revision.id))
        const actor = actorOf(user)
        const thread =
          input.kind === 'comment'
            ? undefined
            : threadsOf(await readLog(req, revision.id)).find(
                (t) => String(t.root.id) === String(input.thread),
              )
        if (input.kind !== 'comment' && !thread) {
          throw new Refused(404, `This article has no comment thread ${input.thread}`, 'no_thread')
        }
        const decision = decideComment(facts, actor, input.kind, input.body, thread)
        if (!decision.ok)
          throw new Refused(STATUS[decision.code], decision.reason, decision.because)

        let anchor: Comment['anchor'] = undefined
        let contentHash: string | undefined
        if (input.kind === 'comment') {
          const text = fieldText(revision, input.anchor.field)
          if (text === undefined) {
            throw new Refused(
              400,
              `The saved revision has no ${input.anchor.field}: save the article, then comment`,
              'field_unknown',
            )
          }
          const made = anchorAt(
            text,
            input.anchor.field,
            input.anchor.start,
            input.anchor.end,
            input.anchor.exact,
          )
          if (!made.ok) {
            throw new Refused(made.code === 'quote_mismatch' ? 409 : 400, made.message, made.code)
          }
          anchor = made.anchor
          contentHash = revisionHash(await withCitations(req, revision))
        }
        const stored = await req.payload.create({
          collection: 'comments',
          depth: 0,
          req,
          data: {
            article: revision.id,
            kind: input.kind,
            thread: thread ? (thread.root.id as Comment['id']) : null,
            author: user.id,
            authorName: user.name ?? user.email,
            body: decision.body,
            at: new Date().toISOString(),
            anchor,
            contentHash,
          },
        })
        return { stored, revision, facts, actor, quote: anchor?.exact ?? thread?.root.anchor.exact }
      })

      const mentioned =
        done.stored.kind === 'resolve' || done.stored.kind === 'reopen'
          ? []
          : parseMentions(done.stored.body ?? '')
      const notified = await notifyMentions(req, mentioned, done)
      return Response.json(
        {
          comment: entryOf(done.stored),
          mentions: { notified, notNotified: mentioned.filter((e) => !notified.includes(e)) },
        },
        { status: 201 },
      )
    } catch (error) {
      if (error instanceof Refused)
        return refusal(error.status, error.message, { because: error.because })
      throw error
    }
  },
}

/**
 * Emails the first `MAX_MENTIONS` mentioned people who may read the article (`notifiesMention`);
 * returns their addresses.
 */
async function notifyMentions(
  req: PayloadRequest,
  emails: string[],
  done: {
    stored: Comment
    revision: Article
    facts: ReturnType<typeof reviewFactsOf>
    actor: ReturnType<typeof actorOf>
    quote?: string
  },
): Promise<string[]> {
  if (!emails.length) return []
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { email: { in: emails.slice(0, MAX_MENTIONS) } },
    depth: 0,
    pagination: false,
    req,
  })
  const to = docs
    .filter((person) => notifiesMention(done.facts, actorOf(person), done.actor))
    .map((person) => person.email.toLowerCase())
  const notice = mentionNotice(
    to,
    done.stored.authorName ?? 'A reviewer',
    {
      title: done.revision.title,
      slug: done.revision.slug ?? '',
      adminUrl: `${siteUrl()}/admin/collections/articles/${done.revision.id}`,
      publicUrl: `${siteUrl()}/articles/${done.revision.slug}/`,
    },
    { quote: done.quote, body: done.stored.body ?? '' },
  )
  if (!notice) return []
  await req.payload.sendEmail({ to: notice.to, subject: notice.subject, text: notice.text })
  return to
}
