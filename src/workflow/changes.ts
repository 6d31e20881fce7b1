import { CONTENT_LOCKED, type EventType, type WorkflowState } from './model'

/** What a reviewer compares the current revision with (`GET /api/articles/:id/changes?since=`). */
export const CHANGES_SINCE = ['approval', 'round'] as const
export type ChangesSince = (typeof CHANGES_SINCE)[number]

/** How each choice reads in the review panel. */
export const CHANGES_SINCE_LABELS: Record<ChangesSince, string> = {
  approval: 'Since the last approval',
  round: 'Since the last review round',
}

/**
 * The events whose revision a diff can be based on: submissions (each starts a review round),
 * approvals, and imports (which may record an approval). They are also the events that record a
 * copy of the cited references' CSL-JSON, because the citations collection keeps only the
 * current data and the diff must show a reference edited after the event.
 */
export const REFERENCE_SNAPSHOT_EVENTS: readonly EventType[] = ['submit', 'approve', 'import']

/** Whether an event of this type records the cited references as they were. */
export const recordsReferences = (type: EventType): boolean =>
  REFERENCE_SNAPSHOT_EVENTS.includes(type)

/** The fields of an audit event that choosing a base needs. */
export interface BaseCandidate {
  type: EventType
  to?: WorkflowState | null
}

/**
 * The event whose revision the current one is compared with, from the article's audit trail
 * (oldest first), or undefined when there is none:
 * - `approval`: the latest approval (an `approve` event, or an `import` that recorded an approval);
 * - `round`: the submission that started the latest review round that is over. While the article
 *   is in review (a `CONTENT_LOCKED` state) the current round is not over, so it is the
 *   submission before the latest: what the reviewer looked at last time.
 */
export function changesBase<E extends BaseCandidate>(
  events: readonly E[],
  since: ChangesSince,
  state: WorkflowState,
): E | undefined {
  if (since === 'approval') {
    return events.findLast(
      (e) => e.type === 'approve' || (e.type === 'import' && e.to === 'approved'),
    )
  }
  const submissions = events.filter((e) => e.type === 'submit')
  return submissions.at(CONTENT_LOCKED[state] ? -2 : -1)
}
