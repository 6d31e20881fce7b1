import type { Access } from 'payload'

import { authoredBy } from './articleAuthorship'
import { hasRole } from './roles'

/**
 * Review events and review comments (both keyed by `article`): reviewers and staff read all; an author reads the history of the articles they
 * are an author of (`authoredBy`); anonymous readers read none (the public history page is
 * published from approved data).
 */
export const reviewEventsRead: Access = async ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'reviewer', 'editor', 'admin')) return true
  return authoredBy(req, 'article')
}
