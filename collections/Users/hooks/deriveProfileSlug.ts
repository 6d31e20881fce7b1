import type { CollectionBeforeValidateHook } from 'payload'

import { slugify } from '../../../src/content/identifiers'
import type { User } from '../../../payload-types'

/** A profile without a slug gets one from the name, so every reviewer has a stable anchor. */
export const deriveProfileSlug: CollectionBeforeValidateHook<User> = ({ data, originalDoc }) => {
  if (!data) return data
  const name = data.name ?? originalDoc?.name
  if (!data.slug && !originalDoc?.slug && name) data.slug = slugify(name)
  return data
}
