import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/**
 * Field access: readable by admins and by the person the document is (a user's email). Everyone
 * else sees the document without it, and cannot query by it.
 */
export const adminsOrSelfField: FieldAccess = ({ req: { user }, doc, id }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  const subject = (doc as { id?: unknown } | undefined)?.id ?? id
  return subject !== undefined && String(subject) === String(user.id)
}
