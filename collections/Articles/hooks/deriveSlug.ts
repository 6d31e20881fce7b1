import type { CollectionBeforeValidateHook } from 'payload'

import { slugify } from '../../../src/content/identifiers'
import type { Article } from '../../../payload-types'

/** An article without a slug gets one from its question; an explicit slug is kept as written. */
export const deriveSlug: CollectionBeforeValidateHook<Article> = ({ data, originalDoc }) => {
  if (!data) return data
  const title = data.title ?? originalDoc?.title
  if (!data.slug && !originalDoc?.slug && title) data.slug = slugify(title)
  return data
}
