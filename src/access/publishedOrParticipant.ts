import type { Access, Where } from 'payload'

import { authoredBy } from './articleAuthorship'
import { hasRole } from './roles'

/**
 * Articles: anonymous readers see published versions only (a query, so drafts never leak even
 * with `?draft=true`); authors see published articles and their own (`authoredBy`, the same rule
 * that lets them edit); reviewers and staff see all.
 */
const published: Where = { _status: { equals: 'published' } }

export const publishedOrParticipant: Access = async ({ req }) => {
  if (!req.user) return published
  if (hasRole(req.user, 'reviewer', 'editor', 'admin')) return true
  const own = await authoredBy(req, 'id')
  return own ? { or: [published, own] } : published
}
