import { APIError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

/**
 * Review comments are append-only, like the audit trail they are part of: an update or delete is
 * refused whoever asks, server code included. Resolving is a new entry.
 */
export const refuseChange: CollectionBeforeChangeHook & CollectionBeforeDeleteHook = (args) => {
  if ('operation' in args && args.operation === 'create') return args.data
  throw new APIError(
    'Review comments are append-only: they cannot be changed or deleted. Reply, or resolve the thread, instead.',
    403,
  )
}
