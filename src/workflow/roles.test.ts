import { describe, expect, it } from 'vitest'

import type { ArticleFacts } from './model'
import {
  actsAsAssignedReviewer,
  actsAsAuthor,
  includesId,
  isAssigned,
  isBoardMember,
  isStaff,
  mayReview,
  sameId,
  wroteArticle,
} from './roles'

const article: ArticleFacts = {
  state: 'draft',
  authorIds: [1, 'a2'],
  reviewerIds: ['3', 'r4'],
  isPublished: false,
  contentHash: 'h',
}

describe('role predicates', () => {
  it('compares ids by their string form', () => {
    expect(sameId(1, '1')).toBe(true)
    expect(sameId(1, '01')).toBe(false)
    expect(includesId(['1', 2], 2)).toBe(true)
    expect(includesId([], 2)).toBe(false)
  })

  it('staff are editors and admins', () => {
    expect(isStaff({ id: 1, roles: ['editor'] })).toBe(true)
    expect(isStaff({ id: 1, roles: ['admin'] })).toBe(true)
    expect(isStaff({ id: 1, roles: ['author', 'reviewer'] })).toBe(false)
    expect(isBoardMember({ id: 1, roles: ['reviewer'] })).toBe(true)
    expect(isBoardMember({ id: 1, roles: ['editor'] })).toBe(false)
  })

  it('authorship needs the role to act, only the listing to disqualify', () => {
    expect(wroteArticle(article, { id: '1', roles: [] })).toBe(true)
    expect(actsAsAuthor(article, { id: '1', roles: [] })).toBe(false)
    expect(actsAsAuthor(article, { id: '1', roles: ['author'] })).toBe(true)
    expect(actsAsAuthor(article, { id: 5, roles: ['author'] })).toBe(false)
  })

  it('the assigned reviewer holds the role, is listed, and did not write the article', () => {
    expect(isAssigned(article, { id: 3, roles: [] })).toBe(true)
    expect(actsAsAssignedReviewer(article, { id: 3, roles: ['reviewer'] })).toBe(true)
    expect(actsAsAssignedReviewer(article, { id: 3, roles: ['editor'] })).toBe(false)
    expect(actsAsAssignedReviewer(article, { id: 5, roles: ['reviewer'] })).toBe(false)
    const alsoAuthor = { ...article, authorIds: [3] }
    expect(actsAsAssignedReviewer(alsoAuthor, { id: 3, roles: ['reviewer'] })).toBe(false)
  })

  it('anyone on the board who did not write the article may review it', () => {
    expect(mayReview(article, { id: 9, roles: ['reviewer'] })).toBe(true)
    expect(mayReview(article, { id: 'a2', roles: ['reviewer', 'admin'] })).toBe(false)
    expect(mayReview(article, { id: 9, roles: ['admin'] })).toBe(false)
  })
})
