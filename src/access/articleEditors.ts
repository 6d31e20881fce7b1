import type { Access } from 'payload'

import { hasRole, isStaff } from './roles'

/**
 * Who may save an article: editors and admins any; authors their own. Reviewers never edit
 * content (they act through the workflow). The content hooks then apply the workflow's rules
 * (locked while in review; an approved article's edit becomes a new draft revision).
 */
export const articleEditors: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaff(user)) return true
  if (hasRole(user, 'author')) return { authors: { contains: user.id } }
  return false
}
