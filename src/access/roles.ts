import {
  type Actor,
  hasRole as actorHasRole,
  isStaff as actorIsStaff,
  mayVerifyReferences as actorMayVerifyReferences,
  type Role,
} from '../workflow'

/** The shape of a signed-in user as far as role checks care; anonymous is null or undefined. */
export type RoleHolder = { id: Actor['id']; roles?: readonly Role[] | null } | null | undefined

const actor = (user: NonNullable<RoleHolder>): Actor => ({ id: user.id, roles: user.roles ?? [] })

/** True when the user holds at least one of `roles` (the workflow's rule). Anonymous holds none. */
export function hasRole(user: RoleHolder, ...roles: Role[]): boolean {
  return Boolean(user) && roles.some((role) => actorHasRole(actor(user!), role))
}

/** Editors and admins: they manage content and may act at every workflow step. */
export function isStaff(user: RoleHolder): boolean {
  return Boolean(user) && actorIsStaff(actor(user!))
}

/** Board members and staff: they mark references verified (the workflow's rule). */
export function mayVerifyReferences(user: RoleHolder): boolean {
  return Boolean(user) && actorMayVerifyReferences(actor(user!))
}
