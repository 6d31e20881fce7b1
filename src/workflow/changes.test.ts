import { describe, expect, it } from 'vitest'

import { changesBase, recordsReferences, revisionLabels } from './changes'
import type { EventType, WorkflowState } from './model'

const e = (type: EventType, to: WorkflowState, n: number) => ({ type, to, n })

// A trail as the workflow writes it: approved once, edited, resubmitted, changes requested,
// resubmitted again and now in review.
const trail = [
  e('submit', 'submitted', 1),
  e('start_review', 'under_review', 2),
  e('approve', 'approved', 3),
  e('edit_after_approval', 'draft', 4),
  e('submit', 'submitted', 5),
  e('start_review', 'under_review', 6),
  e('request_changes', 'changes_requested', 7),
  e('submit', 'submitted', 8),
  e('start_review', 'under_review', 9),
]

describe('changesBase', () => {
  it('since approval: the latest approve event', () => {
    expect(changesBase(trail, 'approval', 'under_review')?.n).toBe(3)
  })

  it('since approval: an import that recorded an approval counts, a draft import does not', () => {
    const imported = [e('import', 'approved', 1), e('import', 'draft', 2)]
    expect(changesBase(imported, 'approval', 'draft')?.n).toBe(1)
    expect(changesBase([e('import', 'draft', 1)], 'approval', 'draft')).toBeUndefined()
  })

  it('since the round, in review: the submission before the current one', () => {
    expect(changesBase(trail, 'round', 'under_review')?.n).toBe(5)
    expect(changesBase(trail.slice(0, 8), 'round', 'submitted')?.n).toBe(5)
  })

  it('since the round, out of review: the latest submission', () => {
    expect(changesBase(trail.slice(0, 7), 'round', 'changes_requested')?.n).toBe(5)
    expect(changesBase(trail.slice(0, 3), 'round', 'approved')?.n).toBe(1)
  })

  it('no base: never approved, or a first submission still in review', () => {
    expect(changesBase(trail.slice(0, 2), 'approval', 'under_review')).toBeUndefined()
    expect(changesBase(trail.slice(0, 2), 'round', 'under_review')).toBeUndefined()
    expect(changesBase([], 'round', 'draft')).toBeUndefined()
  })

  it('the base events are the ones that record the references', () => {
    for (const { type } of trail.filter((_, i) => [0, 2, 4, 7].includes(i))) {
      expect(recordsReferences(type)).toBe(true)
    }
    expect(recordsReferences('comment')).toBe(false)
    expect(recordsReferences('request_changes')).toBe(false)
  })
})

describe('revisionLabels', () => {
  const t = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds)).toISOString()
  it('names each revision after the action that saved it, and the rest as saves', () => {
    const labels = revisionLabels(
      [
        { id: 1, savedAt: t(0), state: 'draft' },
        { id: 2, savedAt: t(11), state: 'submitted' },
        { id: 3, savedAt: t(21), state: 'under_review' },
        { id: 4, savedAt: t(31), state: 'approved' },
        { id: 5, savedAt: t(50), state: 'draft' },
      ],
      [
        { type: 'submit', at: t(10), actorName: 'Demo Author' },
        { type: 'start_review', at: t(20), actorName: 'Dr Roe' },
        { type: 'approve', at: t(30), actorName: 'Dr Roe' },
        // Recorded too long before any save: it labels nothing.
        { type: 'comment', at: t(35), actorName: 'Dr Roe' },
      ],
    )
    expect([...labels.values()].map((l) => `${l.label} (${l.stateLabel})`)).toEqual([
      'Saved (Draft)',
      'Submitted for review by Demo Author (Submitted)',
      'Review started by Dr Roe (Under review)',
      'Approved by Dr Roe (Approved)',
      'Saved (Draft)',
    ])
  })

  it('two events just before one save: the save is the first one’s, the other labels the next', () => {
    const labels = revisionLabels(
      [
        { id: 'a', savedAt: t(1), state: 'approved' },
        { id: 'b', savedAt: t(2), state: 'approved' },
      ],
      [
        { type: 'approve', at: t(0), actorName: null },
        { type: 'comment', at: t(1), actorName: 'X' },
      ],
    )
    expect(labels.get('a')?.label).toBe('Approved')
    expect(labels.get('b')?.label).toBe('Comment by X')
  })
})
