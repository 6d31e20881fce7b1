import { z } from 'zod'

import { COMMENT_KINDS } from '../comments'
import { EVENT_TYPES, WORKFLOW_STATES } from '../workflow'

/**
 * `history.json`: what makes a content folder a backup (`npm run content:export -- DIR`). The
 * folder's other files hold what people write (articles/*.md as their latest revision,
 * references.json, people.json, site.yaml); this file holds what the platform recorded about
 * them: each article's workflow state and approval, the live revision when a newer draft follows
 * it (published/<slug>.md), the audit trail event by event, who verified each reference, and each
 * person's profile address and whether they are deactivated. People are named by email, references
 * by key and articles by slug, never by database id, so a backup restores into any database.
 * Passwords are not in a backup: restored people set one through "forgot password".
 */
export const HISTORY_FILE = 'history.json'
/**
 * Tells the hooks that a write puts back what a backup recorded: the workflow's fields, the
 * approval and the verification record are written as they were, not decided again.
 */
export const RESTORE_CONTEXT = { workflow: 'restore' } as const
/** The folder the live revisions of articles with a newer draft are in. */
export const PUBLISHED_DIR = 'published'
/** Changes when the file's meaning changes: an older reader refuses a newer backup. */
export const BACKUP_FORMAT = 'medical-review-platform backup 1'

const email = z.email()
/** A time as the database gives it back (ISO 8601). */
const time = z.iso.datetime({ offset: true })
const state = z.enum(WORKFLOW_STATES)

/** One revision of an article: its file, what it cites and the workflow's record of it. */
const revisionSchema = z.strictObject({
  /** The file holding its text, relative to the backup folder. */
  file: z.string(),
  /** `revisionHash` of the revision when exported: a restore refuses a file that changed since. */
  hash: z.string(),
  /** The citation keys of its `citations` list, in order (cited in the text or not). */
  citations: z.array(z.string()),
  state,
  reviewers: z.array(email),
  reviewDue: time.nullable(),
  approval: z.strictObject({
    hash: z.string().nullable(),
    approvedBy: email.nullable(),
    approvedAt: time.nullable(),
  }),
})
export type RecordedRevision = z.infer<typeof revisionSchema>

/** One audit-trail event, as it was recorded (the actor's name and credentials as they were then). */
const eventSchema = z.strictObject({
  type: z.enum(EVENT_TYPES),
  actor: email.nullable(),
  actorName: z.string().nullable(),
  actorCredentials: z.string().nullable(),
  at: time,
  from: state.nullable(),
  to: state.nullable(),
  contentHash: z.string().nullable(),
  comment: z.string().nullable(),
  assignee: email.nullable(),
  /** Submissions, approvals and imports: the cited references' CSL-JSON as they were then. */
  references: z.array(z.record(z.string(), z.unknown())).nullable().optional(),
  /** A request for changes: the review comments still open then, by index in `comments`. */
  openComments: z.array(z.number().int().nonnegative()).nullable().optional(),
})
export type RecordedEvent = z.infer<typeof eventSchema>

/** One entry of an article's review comment log (see collections/Comments), as it was written. */
const commentSchema = z.strictObject({
  kind: z.enum(COMMENT_KINDS),
  /** The thread's first comment, by index in the article's `comments`; null on a `comment`. */
  thread: z.number().int().nonnegative().nullable(),
  author: email.nullable(),
  authorName: z.string().nullable(),
  body: z.string().nullable(),
  at: time,
  anchor: z
    .strictObject({
      field: z.string(),
      exact: z.string(),
      prefix: z.string(),
      suffix: z.string(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
    })
    .nullable(),
  contentHash: z.string().nullable(),
})
export type RecordedComment = z.infer<typeof commentSchema>

const articleSchema = z
  .strictObject({
    /** Whether a revision of the article is live on the site. */
    live: z.boolean(),
    /** The latest revision: articles/<slug>.md. */
    latest: revisionSchema,
    /** The live revision, when a newer draft follows it: published/<slug>.md. */
    published: revisionSchema.optional(),
    /** The audit trail, oldest first. */
    events: z.array(eventSchema),
    /** The review comments, oldest first (absent: none). */
    comments: z.array(commentSchema).optional(),
  })
  .refine((a) => a.live || !a.published, {
    message: 'a published revision is given but the article is not live',
    path: ['published'],
  })
  .refine(
    (a) =>
      (a.comments ?? []).every(
        (c, i) =>
          (c.kind === 'comment') === (c.thread === null) &&
          (c.thread === null || (c.thread < i && a.comments![c.thread]!.kind === 'comment')),
      ),
    {
      message:
        'a reply, resolution or reopening must name an earlier comment of the article as its thread, and a comment none',
      path: ['comments'],
    },
  )
  .refine(
    (a) =>
      a.events.every((e) => (e.openComments ?? []).every((i) => i < (a.comments ?? []).length)),
    { message: 'an event names a comment the article does not have', path: ['events'] },
  )
export type RecordedArticle = z.infer<typeof articleSchema>

export const historySchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT, {
    error: `not a backup this version can read: "format" must be "${BACKUP_FORMAT}"`,
  }),
  exportedAt: time,
  people: z.record(
    z.string(),
    z.strictObject({ slug: z.string().nullable(), deactivated: z.boolean() }),
  ),
  references: z.record(
    z.string(),
    z.strictObject({
      verified: z.boolean(),
      verifiedBy: email.nullable(),
      verifiedAt: time.nullable(),
    }),
  ),
  articles: z.record(z.string(), articleSchema),
})
export type History = z.infer<typeof historySchema>
