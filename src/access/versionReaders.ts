import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Article revisions (the versions API): reviewers and staff see all, authors those of their own
 * articles, anonymous readers none (they read published articles, never drafts or history).
 */
export const versionReaders: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'reviewer', 'editor', 'admin')) return true
  return { 'version.authors': { contains: user.id } }
}
