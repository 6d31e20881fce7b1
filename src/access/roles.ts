import type { Role } from '../workflow'

/** The shape of a signed-in user as far as role checks care. */
export interface RoleHolder {
  id: string | number
  roles?: readonly Role[] | null
}

/** True when the user holds at least one of `roles`. Anonymous (null) holds none. */
export function hasRole(user: RoleHolder | null | undefined, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((r) => roles.includes(r)))
}

/** Editors and admins: they manage content and may act at every workflow step. */
export function isStaff(user: RoleHolder | null | undefined): boolean {
  return hasRole(user, 'editor', 'admin')
}
