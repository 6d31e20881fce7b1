import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Review events: reviewers and staff read all; an author reads the history of their own articles;
 * anonymous readers read none (the public history page is published from approved data).
 */
export const reviewEventsRead: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'reviewer', 'editor', 'admin')) return true
  return { 'article.authors': { contains: user.id } }
}
