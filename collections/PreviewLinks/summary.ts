import type { PreviewLink } from '../../payload-types'

/** What the admin shows of a preview link: never its token's or password's hash. */
export interface PreviewLinkSummary {
  id: PreviewLink['id']
  recipient: string
  expiresAt: string
  maxUses: number | null
  uses: number
  hasPassword: boolean
  revokedAt: string | null
  createdAt: string
}

export function publicLink(link: PreviewLink): PreviewLinkSummary {
  return {
    id: link.id,
    recipient: link.recipient,
    expiresAt: link.expiresAt,
    maxUses: link.maxUses ?? null,
    uses: link.uses,
    hasPassword: Boolean(link.hasPassword),
    revokedAt: link.revokedAt ?? null,
    createdAt: link.createdAt,
  }
}
