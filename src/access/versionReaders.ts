import type { Access } from 'payload'

import { authoredBy } from './articleAuthorship'
import { hasRole } from './roles'

/**
 * Article revisions (the versions API): reviewers and staff see all, authors every revision of
 * the articles they are an author of now (`authoredBy`), anonymous readers none (they read
 * published articles, never drafts or history).
 */
export const versionReaders: Access = async ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'reviewer', 'editor', 'admin')) return true
  return authoredBy(req, 'parent')
}
