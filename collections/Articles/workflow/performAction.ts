import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Article, Review, User } from '../../../payload-types'
import { storedArticleContent } from '../../../src/content/articleContent'
import { articleProblems } from '../../../src/content/articleChecks'
import { renderOptions } from '../../../src/content/renderOptions'
import { lockArticle } from '../../../src/config/locks'
import { runInTransaction } from '../../../src/config/transactions'
import type { ContentProblem } from '../../../src/markdown'
import {
  decide,
  MAX_COMMENT_LENGTH,
  STATE_LABELS,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  type WorkflowState,
} from '../../../src/workflow'
import { actorOf, factsOf, isPublished, referenceCheckOf, revisionHash } from './facts'
import { appendEvent } from '../../../src/content/auditTrail'
import { WorkflowRefusal } from './refusal'
import { queuePublish } from '../../../jobs/queuePublish'
import { openCommentIds } from '../../Comments/log'

export { WorkflowRefusal }

/** A workflow request, as the REST endpoint, the GraphQL mutation and the admin send it. */
export const workflowRequestSchema = z.strictObject({
  action: z.enum(WORKFLOW_ACTIONS),
  comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
  /** `start_review` by an editor: the board member to assign. */
  assigneeId: z.union([z.string().min(1), z.number()]).optional(),
  /** The state the person saw; if the article moved on meanwhile the action is refused (409). */
  expectedState: z.enum(WORKFLOW_STATES).optional(),
  /** The content hash the reviewer saw; approving anything else is refused (409). */
  expectedHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
})
export type WorkflowRequest = z.infer<typeof workflowRequestSchema>

export interface WorkflowResult {
  article: Pick<Article, 'id' | 'state' | '_status'>
  event: Review
  /** Problems of severity 'warning' that did not block a submission. */
  warnings: ContentProblem[]
}

/** Tells the article hooks that a write is the workflow's own (see hooks/guardPublication). */
export const workflowContext = (action: string) => ({ workflow: action })

/**
 * Runs one workflow action on an article for `req.user`, all or nothing, in one transaction:
 * locks the article, reads its latest revision as the user may see it, asks the state machine,
 * writes the new state (publishing the revision on approval, taking it down on unpublish), appends
 * the audit event, and queues the follow-up jobs (notifications, publishing), which run only once
 * the transaction has committed. Refusals throw a WorkflowRefusal and change nothing.
 */
export async function performAction(
  req: PayloadRequest,
  id: string | number,
  input: WorkflowRequest,
  now = new Date(),
): Promise<WorkflowResult> {
  const user = req.user
  if (!user || user.collection !== 'users') {
    throw new WorkflowRefusal('unauthenticated', 'unauthenticated', 'Sign in to act on an article')
  }
  return runInTransaction(req, async () => {
    await lockArticle(req, id)
    const revision = await req.payload
      .findByID({
        collection: 'articles',
        id,
        draft: true,
        depth: 1,
        req,
        overrideAccess: false,
        user,
      })
      .catch(() => undefined)
    if (!revision)
      throw new WorkflowRefusal(
        'forbidden',
        'not_found',
        `There is no article ${id} that you can see`,
      )

    const content = storedArticleContent(revision)
    const hash = revisionHash(revision)
    if (input.expectedState && input.expectedState !== revision.state) {
      throw new WorkflowRefusal(
        'conflict',
        'state_moved_on',
        `This article is now ${STATE_LABELS[revision.state]}, not ${STATE_LABELS[input.expectedState]}: someone acted on it meanwhile. Reload it to see what changed.`,
      )
    }
    if (input.expectedHash && input.expectedHash !== hash) {
      throw new WorkflowRefusal(
        'conflict',
        'content_changed',
        'The content changed since you loaded it: reload and review the current revision before deciding.',
      )
    }

    const facts = factsOf(revision, await isPublished(req, revision.id), hash)
    let assignee
    if (input.assigneeId !== undefined) {
      const found = await req.payload
        .findByID({ collection: 'users', id: input.assigneeId, depth: 0, req })
        .catch(() => undefined)
      if (!found)
        throw new WorkflowRefusal(
          'invalid_input',
          'unknown_assignee',
          `There is no user ${input.assigneeId} to assign`,
        )
      assignee = actorOf(found)
    }
    const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req })
    const decision = decide(
      facts,
      input.action,
      actorOf(user),
      {
        comment: input.comment,
        assignee,
        problems:
          input.action === 'submit'
            ? await articleProblems(content, await renderOptions(req))
            : undefined,
        reviewIntervalMonths: settings.reviewIntervalMonths,
        references:
          input.action === 'approve'
            ? referenceCheckOf(revision, settings.referencePolicy)
            : undefined,
      },
      now,
    )
    if (!decision.ok) throw WorkflowRefusal.of(decision)

    const data: Partial<Article> = { state: decision.to as WorkflowState }
    // The workflow's ids are adapter-neutral; these came from this database's users.
    if (decision.reviewerIds) data.reviewers = decision.reviewerIds as User['id'][]
    if (decision.publish) {
      Object.assign(data, {
        _status: 'published',
        reviewDue: decision.publish.reviewDue.toISOString(),
        approval: {
          hash: decision.publish.approvedHash,
          approvedBy: decision.publish.approverId,
          approvedAt: decision.publish.approvedAt.toISOString(),
        },
      })
    }
    if (decision.unpublish) data._status = 'draft'
    // Approval and unpublishing write the live document; every other action is a new draft revision.
    const live = Boolean(decision.publish || decision.unpublish)
    const saved = await req.payload.update({
      collection: 'articles',
      id: revision.id,
      data,
      draft: !live,
      depth: 0,
      req,
      context: workflowContext(input.action),
    })
    // A request for changes carries the review comments still open, so a resubmission can say
    // which of them were resolved.
    const event = await appendEvent(req, revision.id, decision.event, {
      references: content.references,
      openComments:
        input.action === 'request_changes' ? await openCommentIds(req, revision.id) : undefined,
    })
    await req.payload.jobs.queue({
      task: 'notifyWorkflowEvent',
      input: { eventId: String(event.id) },
      req,
    })
    if (live || settings.publishPolicy === 'pending-with-banner') {
      await queuePublish(req, { reason: `${input.action} ${revision.slug}` })
    }
    return {
      article: { id: saved.id, state: saved.state, _status: saved._status },
      event,
      warnings: decision.warnings ?? [],
    }
  })
}
