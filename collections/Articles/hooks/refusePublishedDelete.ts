import type { CollectionBeforeDeleteHook } from 'payload'

import { isPublished } from '../workflow/facts'
import { WorkflowRefusal } from '../workflow/refusal'

/** A published article is taken down with the Unpublish action first, so readers are told why. */
export const refusePublishedDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (await isPublished(req, id)) {
    throw new WorkflowRefusal(
      'invalid_state',
      'published_delete',
      'This article is published: unpublish it (an editor action) before deleting it.',
    )
  }
}
