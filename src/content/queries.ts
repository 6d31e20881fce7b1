import type { Where } from 'payload'

import { overdueBoundary } from '../workflow'

/**
 * Published articles overdue for re-review at `now`, as a query: the workflow's `overdueBoundary`
 * (the same bound `isOverdue` applies to one article), so a list, a job and a page agree.
 */
export function overdueWhere(now: Date): Where {
  const { dueAtOrBefore } = overdueBoundary(now)
  return {
    and: [
      { _status: { equals: 'published' } },
      { reviewDue: { less_than_equal: dueAtOrBefore.toISOString() } },
    ],
  }
}
