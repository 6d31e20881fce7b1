import type { CollectionBeforeChangeHook } from 'payload'

/**
 * When a document was created is the server's record, not the caller's: through the REST or
 * GraphQL API a `createdAt` in the data is dropped (a new document gets the time it was made) or
 * kept as stored. Payload sets `updatedAt` itself on every save. Server code through the Local API
 * is trusted with it.
 */
export const keepServerTimestamps: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (req.payloadAPI === 'local' || !data) return data
  if (operation === 'update' && originalDoc?.createdAt) data.createdAt = originalDoc.createdAt
  else delete data.createdAt
  return data
}
