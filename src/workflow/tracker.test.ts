import { describe, expect, it } from 'vitest'

import { WORKFLOW_STATES } from './model'
import type { WorkflowState } from './model'
import { trackerSteps } from './tracker'
import type { TrackerStep } from './tracker'

const step = (
  key: TrackerStep['key'],
  status: TrackerStep['status'],
  note?: string,
): TrackerStep => {
  const label = { submitted: 'Submitted', under_review: 'Under Review', approved: 'Approved' }[key]
  return note === undefined ? { key, label, status } : { key, label, status, note }
}

const EXPECTED: Record<WorkflowState, TrackerStep[]> = {
  draft: [
    step('submitted', 'upcoming'),
    step('under_review', 'upcoming'),
    step('approved', 'upcoming'),
  ],
  submitted: [
    step('submitted', 'current'),
    step('under_review', 'upcoming'),
    step('approved', 'upcoming'),
  ],
  under_review: [
    step('submitted', 'done'),
    step('under_review', 'current'),
    step('approved', 'upcoming'),
  ],
  changes_requested: [
    step('submitted', 'done'),
    step('under_review', 'current', 'Changes requested'),
    step('approved', 'upcoming'),
  ],
  approved: [step('submitted', 'done'), step('under_review', 'done'), step('approved', 'done')],
}

describe('trackerSteps', () => {
  it.each(WORKFLOW_STATES)('%s', (state) => {
    expect(trackerSteps(state)).toEqual(EXPECTED[state])
  })

  it.each(WORKFLOW_STATES)(
    '%s: at most one current step, and only done steps before it',
    (state) => {
      const statuses = trackerSteps(state).map((s) => s.status)
      expect(statuses.filter((s) => s === 'current').length).toBeLessThanOrEqual(1)
      const rank = { done: 0, current: 1, upcoming: 2 }
      const ranks = statuses.map((s) => rank[s])
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    },
  )

  it('returns fresh objects each call, so callers may annotate them', () => {
    const first = trackerSteps('approved')
    first[0]!.status = 'upcoming'
    expect(trackerSteps('approved')[0]!.status).toBe('done')
  })
})
