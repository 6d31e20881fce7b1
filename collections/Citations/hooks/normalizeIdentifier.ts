import type { FieldHook } from 'payload'

import type { Identifier } from '../../../src/references'
import type { Citation } from '../../../payload-types'

/**
 * A field hook that stores `identifier` as src/references normalizes it, before validation: a
 * DOI pasted as `https://doi.org/10.1/x` is saved as `10.1/x`, not refused.
 */
export const normalizeIdentifier =
  (identifier: Identifier): FieldHook<Citation, string | null | undefined> =>
  ({ value }) =>
    typeof value === 'string' ? identifier.normalize(value) || null : value
