import type { Access } from 'payload'

import { hasRole } from './roles'

/** Anyone who works on content: authors, reviewers, editors, admins. */
export const contributors: Access = ({ req: { user } }) =>
  hasRole(user, 'author', 'reviewer', 'editor', 'admin')
