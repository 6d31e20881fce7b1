import type { Access } from 'payload'

import { isStaff } from './roles'

/** Editors and admins. */
export const staff: Access = ({ req: { user } }) => isStaff(user)
