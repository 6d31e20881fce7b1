import type { Actor, Id, ReviewFacts, Role } from './model'

/**
 * Who an actor is with respect to one article. Powers need both the role and the relation
 * (an author of this article who holds the `author` role; an assigned reviewer who holds the
 * `reviewer` role), so revoking a role revokes the power on every article at once. Conflicts of
 * interest need only the relation: being listed as an author of the article is enough to be barred
 * from reviewing it, whatever roles the person holds.
 */

/** Ids compare by their string form: `1` and `'1'` are the same document. */
export function sameId(a: Id, b: Id): boolean {
  return String(a) === String(b)
}

export function includesId(ids: readonly Id[], id: Id): boolean {
  return ids.some((other) => sameId(other, id))
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role)
}

/** Editors and admins: the same workflow powers. */
export function isStaff(actor: Actor): boolean {
  return hasRole(actor, 'editor') || hasRole(actor, 'admin')
}

/** A member of the medical advisory board. */
export function isBoardMember(actor: Actor): boolean {
  return hasRole(actor, 'reviewer')
}

/**
 * May mark a reference verified (checked against its source) or clear the mark: board members
 * and staff, the people who answer for what the site cites.
 */
export function mayVerifyReferences(actor: Actor): boolean {
  return isBoardMember(actor) || isStaff(actor)
}

/** Listed among the article's authors, whatever the actor's roles (the conflict-of-interest test). */
export function wroteArticle(article: ReviewFacts, actor: Actor): boolean {
  return includesId(article.authorIds, actor.id)
}

/** May act as an author of this article: listed as one and holds the `author` role. */
export function actsAsAuthor(article: ReviewFacts, actor: Actor): boolean {
  return hasRole(actor, 'author') && wroteArticle(article, actor)
}

/** Listed among the article's assigned reviewers, whatever the actor's roles. */
export function isAssigned(article: ReviewFacts, actor: Actor): boolean {
  return includesId(article.reviewerIds, actor.id)
}

/**
 * May decide as the assigned reviewer of this article: assigned, holds the `reviewer` role, and is
 * not one of its authors.
 */
export function actsAsAssignedReviewer(article: ReviewFacts, actor: Actor): boolean {
  return isBoardMember(actor) && isAssigned(article, actor) && !wroteArticle(article, actor)
}

/** May review this article at all (claim it or be assigned it): a board member who did not write it. */
export function mayReview(article: ReviewFacts, person: Actor): boolean {
  return isBoardMember(person) && !wroteArticle(article, person)
}

/**
 * May comment on this article (a workflow comment, or a comment anchored to a passage, and replies
 * to them): staff, any member of the advisory board, and the article's authors.
 */
export function mayComment(article: ReviewFacts, actor: Actor): boolean {
  return isStaff(actor) || isBoardMember(actor) || actsAsAuthor(article, actor)
}

/** The id of the system actor; the audit trail records it as no person. */
export const SYSTEM_ID = 'system'

/**
 * Server code acting without a person (the importer, jobs, scripts): acts like an editor who wrote
 * nothing, so every rule still applies to it.
 */
export const SYSTEM_ACTOR: Actor = { id: SYSTEM_ID, roles: ['editor'] }
