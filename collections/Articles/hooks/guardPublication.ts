import type { CollectionBeforeOperationHook } from 'payload'

import { WorkflowRefusal } from '../workflow/refusal'

const WRITES = new Set(['create', 'update', 'restoreVersion'])

/**
 * Only the workflow makes a revision live. Every other write to an article, through any entry
 * point (admin, REST, GraphQL, Local API), must be a draft save: a write without `draft` would
 * overwrite the published (approved) document, and `_status: 'published'` would publish without
 * review. The workflow marks its own writes with `context.workflow`.
 */
export const guardPublication: CollectionBeforeOperationHook = ({ args, operation, context }) => {
  if (context?.workflow || !WRITES.has(operation)) return args
  const data = (args as { data?: { _status?: string } }).data
  if (!(args as { draft?: boolean }).draft || data?._status === 'published') {
    throw new WorkflowRefusal(
      'forbidden',
      'drafts_only',
      'Articles are saved as drafts: a revision is published only when a reviewer on the advisory board approves it. Save as a draft, then submit it for review.',
    )
  }
  return args
}
