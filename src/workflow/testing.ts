import type { Actor, ArticleFacts, Id, Role } from './model'
import { ROLES } from './model'

/**
 * Test fixtures shared by the workflow tests and by other modules' tests (hooks, admin): an actor
 * described by roles and by its relation to one article, and the article facts that realize it.
 */

/** The actor's id: a number, while the article lists it as a string, to exercise `String(id)`. */
export const ACTOR_ID = 7
export const CO_AUTHOR_ID = 'co-author-1'
export const OTHER_REVIEWER_ID = 'reviewer-2'
export const HASH = 'a'.repeat(64)

export interface Persona {
  roles: readonly Role[]
  /** Listed among the article's authors. */
  wrote: boolean
  /** Listed among the article's reviewers. */
  assigned: boolean
  /** Another person is listed among the article's reviewers. */
  otherAssigned: boolean
}

/** Every subset of `ROLES`, the empty one first. */
export const ROLE_SUBSETS: readonly (readonly Role[])[] = Array.from(
  { length: 2 ** ROLES.length },
  (_, mask) => ROLES.filter((_, bit) => (mask & (1 << bit)) !== 0),
)

/** Every persona: each role subset with and without each relation (128). */
export const ALL_PERSONAS: readonly Persona[] = ROLE_SUBSETS.flatMap((roles) =>
  [false, true].flatMap((wrote) =>
    [false, true].flatMap((assigned) =>
      [false, true].map((otherAssigned) => ({ roles, wrote, assigned, otherAssigned })),
    ),
  ),
)

export function actorOf(persona: Pick<Persona, 'roles'>, id: Id = ACTOR_ID): Actor {
  return { id, roles: persona.roles }
}

export function factsFor(
  persona: Omit<Persona, 'roles'>,
  overrides: Partial<ArticleFacts> = {},
): ArticleFacts {
  return {
    state: 'draft',
    authorIds: persona.wrote ? [CO_AUTHOR_ID, String(ACTOR_ID)] : [CO_AUTHOR_ID],
    reviewerIds: [
      ...(persona.otherAssigned ? [OTHER_REVIEWER_ID] : []),
      ...(persona.assigned ? [String(ACTOR_ID)] : []),
    ],
    isPublished: false,
    contentHash: HASH,
    ...overrides,
  }
}

export function describePersona(persona: Persona): string {
  const relations = [
    persona.wrote && 'wrote it',
    persona.assigned && 'assigned',
    persona.otherAssigned && 'another assigned',
  ].filter(Boolean)
  const roles = persona.roles.length === 0 ? 'no roles' : persona.roles.join('+')
  return relations.length === 0 ? roles : `${roles} (${relations.join(', ')})`
}

/** Freezes `value` and everything reachable from it, so a mutation throws in strict code. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const field of Object.values(value)) deepFreeze(field)
  }
  return value
}
