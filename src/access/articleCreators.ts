import type { Access } from 'payload'

import { hasRole } from './roles'

/** Who may start an article: authors (who must list themselves) and editors or admins. */
export const articleCreators: Access = ({ req: { user } }) =>
  hasRole(user, 'author', 'editor', 'admin')
