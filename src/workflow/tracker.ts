import { STATE_LABELS, type WorkflowState } from './model'

/** The tracker's steps, in order. */
export const TRACKER_STEP_KEYS = ['submitted', 'under_review', 'approved'] as const
export type TrackerStepKey = (typeof TRACKER_STEP_KEYS)[number]
export type TrackerStepStatus = 'done' | 'current' | 'upcoming'

export interface TrackerStep {
  key: TrackerStepKey
  /** As printed on the model page: 'Submitted', 'Under Review', 'Approved'. */
  label: string
  status: TrackerStepStatus
  /** A short qualifier for the step, shown next to its label (e.g. 'Changes requested'). */
  note?: string
}

/** Step names as printed on the model page (title case, unlike the state labels). */
export const TRACKER_STEP_LABELS: Record<TrackerStepKey, string> = {
  submitted: 'Submitted',
  under_review: 'Under Review',
  approved: 'Approved',
}

const STEPS = TRACKER_STEP_KEYS.map((key) => ({ key, label: TRACKER_STEP_LABELS[key] }))

/**
 * The three-step review tracker (Submitted / Under Review / Approved) for a state, used by the
 * admin and the public page. At most one step is `current`, and every step before it is `done`:
 * - draft: nothing has happened yet, all upcoming;
 * - submitted: Submitted is current (waiting for a reviewer);
 * - under_review: Under Review is current;
 * - changes_requested: Under Review stays current, noted 'Changes requested', because the review
 *   is not over: it waits for the author's revision;
 * - approved: all three done (the review is complete; nothing is in progress).
 */
export function trackerSteps(state: WorkflowState): TrackerStep[] {
  const { reached, inProgress, note } = position(state)
  return STEPS.map((step, index) => {
    const status: TrackerStepStatus =
      index < reached ? 'done' : index === reached && inProgress ? 'current' : 'upcoming'
    return note !== undefined && status === 'current'
      ? { ...step, status, note }
      : { ...step, status }
  })
}

/** `reached`: index of the first step not done; `inProgress`: that step is the current one. */
function position(state: WorkflowState): { reached: number; inProgress: boolean; note?: string } {
  switch (state) {
    case 'draft':
      return { reached: 0, inProgress: false }
    case 'submitted':
      return { reached: 0, inProgress: true }
    case 'under_review':
      return { reached: 1, inProgress: true }
    case 'changes_requested':
      return { reached: 1, inProgress: true, note: STATE_LABELS.changes_requested }
    case 'approved':
      return { reached: STEPS.length, inProgress: false }
  }
}
