import type { CollectionBeforeChangeHook } from 'payload'

import { fromStored, sameReference } from '../../../src/references'
import type { Citation } from '../../../payload-types'
import { RESTORE_CONTEXT } from '../../../src/content/history'

/**
 * Keeps `verified` honest: verifying records who and when; changing what the reference says
 * (any CSL field, through src/references' one mapping) clears it, because the reviewer confirmed
 * the old data, not the new.
 */
export const trackVerification: CollectionBeforeChangeHook<Citation> = ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
  // A restore puts back who verified the reference and when, as recorded.
  if (context.workflow === RESTORE_CONTEXT.workflow) return data
  const becameVerified =
    data.verified === true && (operation === 'create' || !originalDoc?.verified)
  if (becameVerified) {
    data.verifiedBy = req.user?.id ?? null
    data.verifiedAt = new Date().toISOString()
    return data
  }
  if (operation === 'update' && originalDoc?.verified && data.verified !== false) {
    const before = fromStored(originalDoc)
    const after = fromStored({ ...originalDoc, ...data } as Citation)
    if (!sameReference(before, after)) {
      data.verified = false
      data.verifiedBy = null
      data.verifiedAt = null
    }
  }
  if (data.verified === false) {
    data.verifiedBy = null
    data.verifiedAt = null
  }
  return data
}
