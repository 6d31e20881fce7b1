import type { User } from '../../payload-types'
import type { Person, PersonRef } from '../site/types'

/** A person as the site names and links them. */
export function personRef(user: User): PersonRef {
  return {
    id: String(user.id),
    slug: user.slug ?? String(user.id),
    name: user.name,
    credentials: user.credentials ?? undefined,
    specialty: user.specialty ?? undefined,
    orcid: user.orcid ?? undefined,
    listedOnBoard: user.roles.includes('reviewer'),
  }
}

/** An advisory board member's public profile. */
export function boardMember(user: User): Person {
  return {
    ...personRef(user),
    bio: user.bio ?? undefined,
    disclosures: user.disclosures ?? undefined,
    roles: [...user.roles],
  }
}
