import type { JobsConfig } from 'payload'

import { isStaff } from '../src/access/roles'
import { checkOverdueReviewsTask } from './checkOverdueReviews'
import { notifyWorkflowEventTask } from './notifyWorkflowEvent'
import { publishSiteTask } from './publishSite'

/** Set in the job worker process (`scripts/worker.ts`); the web server never runs jobs itself. */
export const isJobWorker = () => process.env.JOBS_WORKER === 'true'

/**
 * Background work: publishing, notifications and the daily overdue check. Jobs are queued inside
 * the transaction of the action that causes them and run by the worker within a second, so
 * nothing is published or mailed for an action that was rolled back.
 */
export const jobs: JobsConfig = {
  tasks: [publishSiteTask, notifyWorkflowEventTask, checkOverdueReviewsTask],
  // Only the worker starts the job crons: scheduling runs on every cron tick whatever
  // shouldAutoRun says, and the web server must not run publishing itself.
  autoRun: () => (isJobWorker() ? [{ cron: '* * * * * *', queue: 'default', limit: 10 }] : []),
  shouldAutoRun: () => isJobWorker(),
  access: {
    run: ({ req }) => isStaff(req.user),
    queue: ({ req }) => isStaff(req.user),
    cancel: ({ req }) => isStaff(req.user),
  },
  deleteJobOnComplete: true,
}
