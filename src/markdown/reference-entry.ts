import type { Root } from 'hast'
import rehypeSanitize from 'rehype-sanitize'

import { referenceSchema } from './sanitize-schema'

const sanitize = rehypeSanitize(referenceSchema)

/** A formatted reference entry (src/references' hast) as the site may show it: sanitized. */
export function sanitizeReferenceEntry(root: Root): Root {
  return sanitize(root) as Root
}
