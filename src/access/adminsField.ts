import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Field access: only admins may set this field (e.g. a user's roles). */
export const adminsField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
