import type { CollectionBeforeDeleteHook } from 'payload'

import { articleDeletionRefusal } from '../../../src/workflow'
import { isPublished } from '../workflow/facts'
import { WorkflowRefusal } from '../workflow/refusal'

/** Deleting an article obeys the retention rule (`articleDeletionRefusal`). */
export const refuseRecordedDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const published = await isPublished(req, id)
  const { totalDocs: events } = await req.payload.count({
    collection: 'reviews',
    where: { article: { equals: id } },
    req,
  })
  const refusal = articleDeletionRefusal({ published, events })
  if (refusal) throw new WorkflowRefusal('invalid_state', refusal.because, refusal.reason)
}
