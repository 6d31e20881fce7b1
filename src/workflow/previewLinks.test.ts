import { describe, expect, it } from 'vitest'

import { type PreviewLinkFacts, previewLinkAccess, previewLinkExpiry } from './previewLinks'

const NOW = new Date('2026-12-01T12:00:00.000Z')
const open: PreviewLinkFacts = {
  expiresAt: previewLinkExpiry(NOW, 7),
  uses: 0,
  maxUses: 3,
  hasPassword: false,
}

describe('previewLinkAccess', () => {
  it('opens a link within its expiry and use limit', () => {
    expect(previewLinkAccess(open, 'none', NOW)).toEqual({ ok: true })
    expect(previewLinkAccess({ ...open, maxUses: null, uses: 99 }, 'none', NOW).ok).toBe(true)
  })

  it('is gone once revoked, expired or used up, whatever password is given', () => {
    const cases: [PreviewLinkFacts, Date, string][] = [
      [{ ...open, revokedAt: NOW }, NOW, 'revoked'],
      [open, previewLinkExpiry(NOW, 7), 'expired'],
      [open, new Date(open.expiresAt.getTime() + 1), 'expired'],
      [{ ...open, uses: 3 }, NOW, 'used_up'],
    ]
    for (const [link, at, because] of cases) {
      for (const password of ['none', 'right', 'wrong'] as const) {
        expect(previewLinkAccess({ ...link, hasPassword: true }, password, at)).toMatchObject({
          ok: false,
          because,
          status: 410,
        })
      }
    }
  })

  it('asks for the password, and refuses a wrong one', () => {
    const locked = { ...open, hasPassword: true }
    expect(previewLinkAccess(locked, 'none', NOW)).toMatchObject({
      because: 'password_required',
      status: 401,
    })
    expect(previewLinkAccess(locked, 'wrong', NOW)).toMatchObject({
      because: 'password_wrong',
      status: 403,
    })
    expect(previewLinkAccess(locked, 'right', NOW)).toEqual({ ok: true })
  })

  it('says how many opens a used-up link allowed', () => {
    const once = previewLinkAccess({ ...open, maxUses: 1, uses: 1 }, 'none', NOW)
    expect(!once.ok && once.reason).toContain('opened the 1 time it allows')
  })
})

describe('isPublicEvent', () => {
  it('keeps deliberation and previews out of the public history', async () => {
    const { EVENT_TYPES, isPublicEvent } = await import('./model')
    expect(EVENT_TYPES.filter((t) => !isPublicEvent(t))).toEqual([
      'comment',
      'preview_link_created',
      'preview_opened',
      'preview_comment',
      'preview_link_revoked',
    ])
  })
})
