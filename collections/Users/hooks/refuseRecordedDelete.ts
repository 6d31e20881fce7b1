import type { CollectionBeforeDeleteHook } from 'payload'

import { personDeletionRefusal } from '../../../src/workflow'
import { WorkflowRefusal } from '../../Articles/workflow/refusal'

/**
 * Deleting a person obeys the retention rule (`personDeletionRefusal`): counted over the audit
 * trail and every revision of every article, drafts and history included.
 */
export const refuseRecordedDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs: events } = await req.payload.count({
    collection: 'reviews',
    where: { or: [{ actor: { equals: id } }, { assignee: { equals: id } }] },
    req,
  })
  const { totalDocs: articles } = await req.payload.countVersions({
    collection: 'articles',
    where: {
      or: [
        { 'version.authors': { contains: id } },
        { 'version.reviewers': { contains: id } },
        { 'version.approval.approvedBy': { equals: id } },
      ],
    },
    req,
  })
  const { totalDocs: current } = await req.payload.count({
    collection: 'articles',
    where: {
      or: [
        { authors: { contains: id } },
        { reviewers: { contains: id } },
        { 'approval.approvedBy': { equals: id } },
      ],
    },
    req,
  })
  const refusal = personDeletionRefusal({ events, articles: Math.max(articles, current) })
  if (refusal) throw new WorkflowRefusal('invalid_state', refusal.because, refusal.reason)
}
