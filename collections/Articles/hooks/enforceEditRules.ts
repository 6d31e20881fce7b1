import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'
import { lockArticle } from '../../../src/config/locks'
import { decideEdit, INITIAL_STATE, isStaff, SYSTEM_ACTOR } from '../../../src/workflow'
import {
  actorOf,
  editFingerprint,
  factsOf,
  revisionHash,
  isPublished,
  withCitations,
} from '../workflow/facts'
import { appendEvent } from '../../../src/content/auditTrail'
import { WorkflowRefusal } from '../workflow/refusal'

/** Fields only the workflow writes; any other write keeps what is stored. */
const WORKFLOW_FIELDS = ['state', 'reviewers', 'reviewDue', 'approval'] as const

/**
 * The review workflow's rules for every save that is not the workflow's own:
 * - the workflow's fields keep their stored values (a new article starts as a draft);
 * - an author may create only articles they are an author of;
 * - content (and authors, slug, topics) can change only while the article is a draft or has
 *   changes requested; an approved article's edit starts a new draft revision while the approved
 *   one stays published (recorded as an `edit_after_approval` event); in review it is locked.
 * The edit event is written here rather than after the change: the article exists already, and
 * the hooks after a change do not see this hook's context.
 * The decision is the state machine's `decideEdit`, made under the article's lock.
 */
export const enforceEditRules: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
  if (context.workflow) return data
  const user = req.user?.collection === 'users' ? req.user : undefined
  if (operation === 'create' || !originalDoc) {
    data.state = INITIAL_STATE
    data.reviewers = []
    data.reviewDue = null
    data.approval = { hash: null, approvedBy: null, approvedAt: null }
    const authorIds = (data.authors ?? []).map((a) => String(typeof a === 'object' ? a.id : a))
    // No authors at all is a validation error (authors are required), reported with the others.
    if (
      user &&
      authorIds.length &&
      !isStaff(actorOf(user)) &&
      !authorIds.includes(String(user.id))
    ) {
      throw new WorkflowRefusal(
        'forbidden',
        'list_yourself',
        'List yourself as an author of an article you create.',
      )
    }
    return data
  }

  for (const field of WORKFLOW_FIELDS) (data as Record<string, unknown>)[field] = originalDoc[field]
  await lockArticle(req, originalDoc.id)
  const [before, after] = await Promise.all([
    withCitations(req, originalDoc),
    withCitations(req, { ...originalDoc, ...data } as Article),
  ])
  const facts = factsOf(before, await isPublished(req, originalDoc.id), editFingerprint(before))
  const decision = decideEdit(
    facts,
    user ? actorOf(user) : SYSTEM_ACTOR,
    editFingerprint(after),
    new Date(),
  )
  if (!decision.ok) {
    throw WorkflowRefusal.of(decision)
  }
  if (decision.event) {
    data.state = decision.resultingState
    // In the save's transaction: if the save fails, the event is rolled back with it.
    // The decision compared edit fingerprints; the trail records the revision's content hash.
    await appendEvent(req, originalDoc.id, { ...decision.event, contentHash: revisionHash(after) })
  }
  return data
}
