import type { CollectionBeforeValidateHook } from 'payload'

import type { User } from '../../../payload-types'
import { firstFreeSlug, slugify } from '../../../src/content/identifiers'

/**
 * A profile without a slug gets one from the name, made unique (`jane-doe-2`), so every person
 * has a stable anchor on the advisory board page even when two share a name.
 */
export const deriveProfileSlug: CollectionBeforeValidateHook<User> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (!data || data.slug || originalDoc?.slug) return data
  const name = data.name ?? originalDoc?.name
  if (!name) return data
  data.slug = await firstFreeSlug(slugify(name), async (slug) => {
    const { totalDocs } = await req.payload.count({
      collection: 'users',
      where: { slug: { equals: slug } },
      req,
    })
    return totalDocs > 0
  })
  return data
}
