import type { TaskConfig } from 'payload'

import { handlerPath } from './handlerPath'

/** What the task takes and gives back. */
export type CheckOverdueReviewsIO = { input: object; output: { overdue: number } }

/**
 * Once a day: finds approved articles past their re-review date that nobody has been told about
 * yet (no `review_overdue` event for the current approval), records the event in their history,
 * emails the editors, and republishes so readers see the overdue notice.
 */
export const checkOverdueReviewsTask: TaskConfig<CheckOverdueReviewsIO> = {
  slug: 'checkOverdueReviews',
  label: 'Check for overdue re-reviews',
  retries: 1,
  schedule: [{ cron: '0 7 * * *', queue: 'default' }],
  outputSchema: [{ name: 'overdue', type: 'number', required: true }],
  // A module path, imported by the job worker: the web server never bundles publishing code.
  handler: handlerPath('checkOverdueReviews', 'checkOverdueReviewsHandler'),
}
