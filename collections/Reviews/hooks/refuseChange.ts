import { APIError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

/** Events are append-only: an update or delete is refused whoever asks, server code included. */
export const refuseChange: CollectionBeforeChangeHook & CollectionBeforeDeleteHook = (args) => {
  if ('operation' in args && args.operation === 'create') return args.data
  throw new APIError('Review events are append-only: they cannot be changed or deleted.', 403)
}
