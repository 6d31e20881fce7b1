/**
 * Preview links: an editor shows one revision of an article to someone without an account (a
 * clinician outside the board) through a link with an expiry, an optional password and a use
 * limit. These are the rules for making and opening one; the glue stores the link (only a hash of
 * its token) and writes each use to the audit trail.
 */

export const PREVIEW_LINK_LIMITS = {
  /** Days a link may stay open: at most a month, a week unless the editor says otherwise. */
  days: { min: 1, max: 30, default: 7 },
  /** Opens a link may allow (none given: no limit within its expiry). */
  uses: { min: 1, max: 100 },
  /** A password, when given, is at least this long. */
  passwordLength: { min: 8, max: 200 },
} as const

/** A stored link, as opening it needs it. */
export interface PreviewLinkFacts {
  expiresAt: Date
  revokedAt?: Date | null
  /** Opens allowed; null or undefined for no limit. */
  maxUses?: number | null
  /** Opens so far. */
  uses: number
  hasPassword: boolean
}

/** What a visitor gave: no password, or one that matched the link's or not. */
export type PasswordGiven = 'none' | 'right' | 'wrong'

export type PreviewLinkRefusal =
  'revoked' | 'expired' | 'used_up' | 'password_required' | 'password_wrong'

export type PreviewLinkDecision =
  { ok: true } | { ok: false; because: PreviewLinkRefusal; reason: string; status: 401 | 403 | 410 }

/**
 * Whether a link opens now, in this order: revoked, expired, used up (all final: 410 Gone), then
 * the password (401 to ask for it, 403 when wrong). A link without a password opens with none.
 * `consumes` says whether this opening counts against the use limit (showing the page does;
 * sending a comment from it does not, but needs a link that is still open).
 */
export function previewLinkAccess(
  link: PreviewLinkFacts,
  password: PasswordGiven,
  now: Date,
): PreviewLinkDecision {
  if (link.revokedAt) {
    return gone('revoked', 'This preview link was withdrawn by the editor who shared it.')
  }
  if (now.getTime() >= link.expiresAt.getTime()) {
    return gone('expired', 'This preview link has expired: ask the editor for a new one.')
  }
  if (link.maxUses != null && link.uses >= link.maxUses) {
    return gone(
      'used_up',
      `This preview link has been opened the ${link.maxUses} time${link.maxUses === 1 ? '' : 's'} it allows: ask the editor for a new one.`,
    )
  }
  if (link.hasPassword && password === 'none') {
    return {
      ok: false,
      because: 'password_required',
      reason: 'This preview is protected: enter the password the editor gave you.',
      status: 401,
    }
  }
  if (link.hasPassword && password === 'wrong') {
    return {
      ok: false,
      because: 'password_wrong',
      reason: 'That is not the password of this preview link.',
      status: 403,
    }
  }
  return { ok: true }
}

function gone(because: PreviewLinkRefusal, reason: string): PreviewLinkDecision {
  return { ok: false, because, reason, status: 410 }
}

/** When a link made at `now` for `days` days expires. */
export function previewLinkExpiry(
  now: Date,
  days: number = PREVIEW_LINK_LIMITS.days.default,
): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000)
}
