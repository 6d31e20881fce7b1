import type { Access, Where } from 'payload'

import { hasRole } from './roles'

/**
 * Articles: anonymous readers see published versions only (a query, so drafts never leak even
 * with `?draft=true`); authors see published articles and their own; reviewers and staff see all.
 */
const published: Where = { _status: { equals: 'published' } }

export const publishedOrParticipant: Access = ({ req: { user } }) => {
  if (!user) return published
  if (hasRole(user, 'reviewer', 'editor', 'admin')) return true
  return { or: [published, { authors: { contains: user.id } }] }
}
