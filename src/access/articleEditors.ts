import type { Access } from 'payload'

import { authoredBy } from './articleAuthorship'
import { isStaff } from './roles'

/**
 * Who may save an article: editors and admins any; authors their own (`authoredBy`, the same rule
 * that lets them read it). Reviewers never edit content (they act through the workflow). The
 * content hooks then apply the workflow's rules (locked while in review; an approved article's
 * edit becomes a new draft revision).
 */
export const articleEditors: Access = async ({ req }) => {
  if (!req.user) return false
  if (isStaff(req.user)) return true
  return authoredBy(req, 'id')
}
