import type { CollectionBeforeChangeHook } from 'payload'

import { citationToCsl } from '../../../src/content/citations'
import type { Citation } from '../../../payload-types'

/**
 * Keeps `verified` honest: verifying records who and when; changing what the reference says
 * clears it, because the reviewer confirmed the old data, not the new.
 */
export const trackVerification: CollectionBeforeChangeHook<Citation> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const becameVerified =
    data.verified === true && (operation === 'create' || !originalDoc?.verified)
  if (becameVerified) {
    data.verifiedBy = req.user?.id ?? null
    data.verifiedAt = new Date().toISOString()
    return data
  }
  if (operation === 'update' && originalDoc?.verified && data.verified !== false) {
    const before = JSON.stringify(citationToCsl(originalDoc))
    const after = JSON.stringify(citationToCsl({ ...originalDoc, ...data } as Citation))
    if (before !== after) {
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
