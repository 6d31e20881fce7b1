import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins only: user management. */
export const admins: Access = ({ req: { user } }) => hasRole(user, 'admin')
