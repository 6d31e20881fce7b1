import {
  CONTENT_LOCKED,
  EVENT_LABELS,
  type EventType,
  STATE_LABELS,
  type WorkflowState,
} from './model'

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

/** How long an action takes between deciding (the event's time) and saving its revision. */
export const ACTION_SAVE_WINDOW_MS = 10_000

/** A kept revision of an article (a version), as the versions list shows it. */
export interface KeptRevision {
  id: string | number
  /** ISO 8601. */
  savedAt: string
  state: WorkflowState
}

/** An audit event, as labelling revisions needs it. */
export interface LabelEvent {
  type: EventType
  /** ISO 8601. */
  at: string
  actorName?: string | null
}

/** What a person reads for one kept revision. */
export interface RevisionLabel {
  /** E.g. "Approved by Dr Jane Roe", "Submitted for review by Demo Author", "Saved". */
  label: string
  stateLabel: string
  /** The event whose action saved this revision, when one did. */
  event?: LabelEvent
}

/**
 * Labels for an article's kept revisions (any order): each workflow action saves one revision
 * just after recording its event, so a revision saved at most `ACTION_SAVE_WINDOW_MS` after an
 * event, and the first one saved after it, is that event's ("Approved by …"); any other revision
 * is a plain save ("Saved"), whose author the versions do not record. Every label carries the
 * state the revision was saved in.
 */
export function revisionLabels(
  revisions: readonly KeptRevision[],
  events: readonly LabelEvent[],
): Map<string, RevisionLabel> {
  const byTime = [...revisions].sort((a, b) => Date.parse(a.savedAt) - Date.parse(b.savedAt))
  const claimed = new Map<string, LabelEvent>()
  for (const event of events) {
    const at = Date.parse(event.at)
    const revision = byTime.find((r) => {
      const saved = Date.parse(r.savedAt)
      return saved >= at && saved - at <= ACTION_SAVE_WINDOW_MS && !claimed.has(String(r.id))
    })
    if (revision) claimed.set(String(revision.id), event)
  }
  return new Map(
    revisions.map((revision) => {
      const event = claimed.get(String(revision.id))
      const who = event?.actorName ? ` by ${event.actorName}` : ''
      return [
        String(revision.id),
        {
          label: event ? `${EVENT_LABELS[event.type]}${who}` : 'Saved',
          stateLabel: STATE_LABELS[revision.state],
          ...(event ? { event } : {}),
        },
      ]
    }),
  )
}
