import { describe, expect, it } from 'vitest'

import { approvalProblem } from './approval'
import { addMonths, isOverdue, overdueBoundary } from './dates'
import { actionChoices, availableActions, canEditContent, decide, decideImport } from './machine'
import {
  CONTENT_LOCKED,
  REFUSAL_REASONS,
  REVIEW_INTERVAL_MONTHS,
  WAITING_FOR,
  WAITING_LABELS,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  isValidReviewInterval,
  SHOWN_WHILE_PENDING,
  statesWaitingFor,
  statesWhere,
  type Actor,
  type ArticleFacts,
} from './model'
import { ALL_PERSONAS, HASH, actorOf, factsFor } from './testing'
import { TRACKER_STEP_KEYS, TRACKER_STEP_LABELS, trackerSteps } from './tracker'

const NOW = new Date('2026-03-01T12:00:00.000Z')
const editor: Actor = { id: 'ed-1', roles: ['editor'] }
const reviewer: Actor = { id: 'rev-1', roles: ['reviewer'] }
const author: Actor = { id: 'au-1', roles: ['author'] }
const OTHER_HASH = 'b'.repeat(64)

describe('overdue: one definition', () => {
  it('the due instant itself is overdue; a millisecond before is not', () => {
    const due = new Date(NOW.getTime())
    expect(isOverdue(due, NOW)).toBe(true)
    expect(isOverdue(new Date(NOW.getTime() + 1), NOW)).toBe(false)
    expect(isOverdue(new Date(NOW.getTime() - 1), NOW)).toBe(true)
  })

  it('the query bound agrees with isOverdue at the boundary', () => {
    const { dueAtOrBefore } = overdueBoundary(NOW)
    for (const offset of [-1, 0, 1]) {
      const due = new Date(NOW.getTime() + offset)
      expect(due.getTime() <= dueAtOrBefore.getTime()).toBe(isOverdue(due, NOW))
    }
  })

  it('never overdue without a due date', () => {
    expect(isOverdue(null, NOW)).toBe(false)
    expect(isOverdue(undefined, NOW)).toBe(false)
  })
})

describe('the re-review interval', () => {
  it('accepts exactly the whole months within the bounds', () => {
    expect(isValidReviewInterval(REVIEW_INTERVAL_MONTHS.min)).toBe(true)
    expect(isValidReviewInterval(REVIEW_INTERVAL_MONTHS.max)).toBe(true)
    expect(isValidReviewInterval(REVIEW_INTERVAL_MONTHS.default)).toBe(true)
    for (const bad of [0, REVIEW_INTERVAL_MONTHS.max + 1, 1.5, Number.NaN, '12', null]) {
      expect(isValidReviewInterval(bad)).toBe(false)
    }
  })
})

describe('lock and waiting states', () => {
  it('content is locked exactly while the article waits for the board or the reviewer', () => {
    for (const state of WORKFLOW_STATES) {
      const waiting = WAITING_FOR[state]
      expect(CONTENT_LOCKED[state]).toBe(waiting === 'board' || waiting === 'reviewer')
      if (waiting) expect(WAITING_LABELS[waiting].length).toBeGreaterThan(10)
    }
  })

  it('an edit in a locked state is refused as content_locked, saying the state', () => {
    for (const state of WORKFLOW_STATES) {
      const facts = { state, authorIds: [author.id], reviewerIds: [], isPublished: false }
      const check = canEditContent(facts, author)
      if (CONTENT_LOCKED[state]) {
        expect(check).toMatchObject({ ok: false, because: 'content_locked', state })
      } else {
        expect(check.ok).toBe(true)
      }
    }
  })
})

describe('actionChoices', () => {
  it('offers exactly the available actions and gives every other one a structured reason', () => {
    for (const persona of ALL_PERSONAS) {
      for (const state of WORKFLOW_STATES) {
        const facts = factsFor(persona, { state })
        const actor = actorOf(persona)
        const choices = actionChoices(facts, actor)
        expect(choices.map((c) => c.action)).toEqual([...WORKFLOW_ACTIONS])
        expect(choices.filter((c) => c.refusal === null).map((c) => c.action)).toEqual(
          availableActions(facts, actor),
        )
        for (const choice of choices) {
          if (choice.refusal) expect(REFUSAL_REASONS).toContain(choice.refusal.because)
        }
      }
    }
  })

  it('needs no content hash', () => {
    const facts = {
      state: 'submitted' as const,
      authorIds: [],
      reviewerIds: [],
      isPublished: false,
    }
    expect(availableActions(facts, reviewer)).toContain('start_review')
  })

  it('every refusal decide gives carries a known reason', () => {
    for (const persona of ALL_PERSONAS) {
      for (const state of WORKFLOW_STATES) {
        for (const action of WORKFLOW_ACTIONS) {
          const decision = decide(factsFor(persona, { state }), action, actorOf(persona), {}, NOW)
          if (!decision.ok) expect(REFUSAL_REASONS).toContain(decision.because)
        }
      }
    }
  })
})

describe('the tracker steps', () => {
  it('are labelled from the one list, in order', () => {
    expect(trackerSteps('draft').map((s) => s.key)).toEqual([...TRACKER_STEP_KEYS])
    expect(trackerSteps('draft').map((s) => s.label)).toEqual(
      TRACKER_STEP_KEYS.map((key) => TRACKER_STEP_LABELS[key]),
    )
  })
})

describe('decideImport', () => {
  const existing = (
    state: ArticleFacts['state'],
    approvedHash?: string,
  ): ArticleFacts & {
    approvedHash?: string
  } => ({
    state,
    authorIds: [author.id],
    reviewerIds: [],
    isPublished: state === 'approved',
    contentHash: HASH,
    approvedHash,
  })
  const reviewedAt = new Date('2025-11-27T00:00:00.000Z')
  const base = {
    importer: editor,
    contentHash: HASH,
    authorIds: [author.id],
    source: 'content/articles/a.md',
  }

  it('a reviewed revision is approved, published with the review date, due after the interval', () => {
    const decision = decideImport(
      undefined,
      { ...base, review: { reviewer, at: reviewedAt }, reviewIntervalMonths: 12 },
      NOW,
    )
    expect(decision).toMatchObject({
      ok: true,
      unchanged: false,
      to: 'approved',
      publish: {
        approvedHash: HASH,
        approverId: reviewer.id,
        approvedAt: reviewedAt,
        reviewDue: addMonths(reviewedAt, 12),
      },
      event: {
        type: 'import',
        actorId: reviewer.id,
        at: reviewedAt,
        from: 'draft',
        to: 'approved',
      },
    })
  })

  it('a revision without a review is a draft, recorded as the importer’s', () => {
    const decision = decideImport(undefined, base, NOW)
    expect(decision).toMatchObject({
      ok: true,
      to: 'draft',
      event: { actorId: editor.id, at: NOW, comment: 'Imported from content/articles/a.md' },
    })
    expect(decision.ok && decision.publish).toBeUndefined()
  })

  it('refuses an approving reviewer who wrote the article, or who is not on the board', () => {
    expect(
      decideImport(
        undefined,
        {
          ...base,
          review: { reviewer: { ...author, roles: ['author', 'reviewer'] }, at: reviewedAt },
        },
        NOW,
      ),
    ).toMatchObject({ ok: false, code: 'forbidden', because: 'conflict_of_interest' })
    expect(
      decideImport(undefined, { ...base, review: { reviewer: editor, at: reviewedAt } }, NOW),
    ).toMatchObject({ ok: false, code: 'forbidden', because: 'not_on_board' })
  })

  it('is unchanged when the same approved content is imported again', () => {
    const input = { ...base, review: { reviewer, at: reviewedAt } }
    expect(decideImport(existing('approved', HASH), input, NOW)).toMatchObject({
      ok: true,
      unchanged: true,
    })
    expect(decideImport(existing('draft'), base, NOW)).toMatchObject({ ok: true, unchanged: true })
  })

  it('is a change when the approval it claims is not the stored one', () => {
    const input = { ...base, review: { reviewer, at: reviewedAt } }
    expect(decideImport(existing('draft'), input, NOW)).toMatchObject({
      ok: true,
      unchanged: false,
    })
    expect(decideImport(existing('approved', OTHER_HASH), input, NOW)).toMatchObject({
      ok: true,
      unchanged: false,
    })
  })

  it('does not overwrite content locked in review, unless nothing changes', () => {
    for (const state of ['submitted', 'under_review'] as const) {
      expect(
        decideImport(existing(state), { ...base, contentHash: OTHER_HASH }, NOW),
      ).toMatchObject({ ok: false, code: 'invalid_state', because: 'content_locked', state })
      expect(decideImport(existing(state), base, NOW)).toMatchObject({ ok: true, unchanged: true })
    }
  })

  it('refuses an interval outside the bounds when approving', () => {
    expect(
      decideImport(
        undefined,
        { ...base, review: { reviewer, at: reviewedAt }, reviewIntervalMonths: 0 },
        NOW,
      ),
    ).toMatchObject({ ok: false, because: 'interval_invalid' })
  })
})

describe('approvalProblem', () => {
  it('accepts exactly an approved revision that hashes to its approval', () => {
    expect(approvalProblem({ state: 'approved', approvedHash: HASH }, HASH)).toBeUndefined()
    expect(approvalProblem({ state: 'approved', approvedHash: HASH }, OTHER_HASH)).toMatchObject({
      because: 'changed_after_approval',
      actualHash: OTHER_HASH,
      approvedHash: HASH,
    })
    expect(approvalProblem({ state: 'approved', approvedHash: null }, HASH)).toMatchObject({
      because: 'no_approval',
    })
    expect(approvalProblem({ state: 'draft', approvedHash: HASH }, HASH)).toMatchObject({
      because: 'no_approval',
    })
  })
})

describe('state sets for queries', () => {
  it('derive from the per-state tables', () => {
    expect(statesWhere(SHOWN_WHILE_PENDING)).toEqual(['submitted', 'under_review'])
    expect(statesWhere(CONTENT_LOCKED)).toEqual(['submitted', 'under_review'])
    expect(statesWaitingFor('board')).toEqual(['submitted'])
    expect(statesWaitingFor('reviewer')).toEqual(['under_review'])
    expect(statesWaitingFor('authors')).toEqual(['changes_requested'])
  })
})
