import type { PayloadRequest } from 'payload'

import type { Review, User } from '../../payload-types'
import type { CslItem } from '../references'
import { type Id, recordsReferences, SYSTEM_ID, type WorkflowEvent } from '../workflow'

/**
 * Appends one event the workflow decided to the audit trail (the `reviews` collection), inside the
 * request's transaction. Every writer of the trail (actions, edits, imports, the overdue check)
 * goes through here, so an event is stored the same way whoever records it. `actorId` 'system'
 * (server code acting without a person) is stored as no actor. The actor's name and credentials
 * are frozen into the event, and so are `references` (the revision's cited references, canonical
 * CSL-JSON) on the events that record them (`recordsReferences`: submit, approve, import).
 */
export async function appendEvent(
  req: PayloadRequest,
  articleId: Id,
  event: WorkflowEvent,
  recorded: {
    /** The cited references' CSL-JSON, kept on the events that record them (`recordsReferences`). */
    references?: readonly CslItem[]
    /** `request_changes`: the ids of the review comments still open (see collections/Comments). */
    openComments?: Id[]
  } = {},
): Promise<Review> {
  const profile = await actorProfile(req, event.actorId)
  return storeEvent(req, articleId as Review['article'], eventRecord(event, profile, recorded))
}

/** What an event freezes of its actor: their name and credentials now (none for the system). */
export type ActorProfile = { name?: string | null; credentials?: string | null } | null

/**
 * The actor's name and credentials as they are now, to copy into an event: the record keeps who
 * acted, as they were then, whatever later happens to the profile.
 */
export async function actorProfile(req: PayloadRequest, actorId: Id | undefined) {
  const actor = personId(actorId)
  if (actor === null) return null
  return req.payload.findByID({
    collection: 'users',
    id: actor,
    depth: 0,
    select: { name: true, credentials: true },
    disableErrors: true,
    req,
  })
}

/** An actor's or assignee's id as the trail stores it: 'system' (or none) is no person. */
const personId = (id: Id | undefined) =>
  id === undefined || id === SYSTEM_ID ? null : (id as User['id'])

/**
 * How the trail stores an event the workflow decided: people by id, the actor's name and
 * credentials as `profile` gives them now (frozen), and what `recorded` keeps with it. The one
 * shape of an event, whether one is appended (`appendEvent`) or an import writes many at once.
 */
export function eventRecord(
  event: WorkflowEvent,
  profile: ActorProfile,
  recorded: { references?: readonly CslItem[]; openComments?: Id[] } = {},
): StoredEvent {
  return {
    type: event.type,
    actor: personId(event.actorId),
    actorName: profile?.name ?? null,
    actorCredentials: profile?.credentials ?? null,
    at: event.at.toISOString(),
    from: event.from,
    to: event.to,
    contentHash: event.contentHash,
    comment: event.comment ?? null,
    assignee: personId(event.assigneeId),
    references:
      recordsReferences(event.type) && recorded.references ? [...recorded.references] : null,
    ...(recorded.openComments ? { openComments: recorded.openComments.map(String) } : {}),
  }
}

/**
 * Appends an event of someone without an account (a reviewer shown a preview link): no actor,
 * and the name and the detail (e.g. an email address) they are known by, as given.
 */
export function appendVisitorEvent(
  req: PayloadRequest,
  articleId: Id,
  event: Omit<WorkflowEvent, 'actorId' | 'assigneeId'>,
  visitor: { name: string; detail: string },
): Promise<Review> {
  return storeEvent(req, articleId as Review['article'], {
    type: event.type,
    actor: null,
    actorName: visitor.name,
    actorCredentials: visitor.detail,
    at: event.at.toISOString(),
    from: event.from,
    to: event.to,
    contentHash: event.contentHash,
    comment: event.comment ?? null,
    assignee: null,
  })
}

/** An event as the trail stores it (people by id, the actor's name and credentials frozen). */
export type StoredEvent = Omit<Review, 'id' | 'article' | 'createdAt' | 'updatedAt'>

/**
 * Puts back an event recorded earlier, exactly as it was recorded (a restore from a backup): the
 * one other way into the trail, which never appends anything the workflow did not record.
 */
export function restoreEvent(
  req: PayloadRequest,
  articleId: Review['article'],
  recorded: StoredEvent,
): Promise<Review> {
  return storeEvent(req, articleId, recorded)
}

function storeEvent(
  req: PayloadRequest,
  article: Review['article'],
  event: StoredEvent,
): Promise<Review> {
  return req.payload.create({
    depth: 0,
    collection: 'reviews',
    data: { ...event, article },
    req,
  })
}
