import type { TaskHandler } from 'payload'

import type { CheckOverdueReviewsIO } from '../checkOverdueReviews'
import { siteUrl } from '../../src/config/env'
import { appendEvent } from '../../src/content/auditTrail'
import { queuePublish } from '../queuePublish'
import { overdueWhere } from '../../src/content/queries'
import { overdueNotice } from '../../src/notifications/messages'
import { overdueEvent, SYSTEM_ACTOR } from '../../src/workflow'

/** The checkOverdueReviews task's work: runs in the job worker (see ../checkOverdueReviews.ts). */
export const checkOverdueReviewsHandler: TaskHandler<CheckOverdueReviewsIO> = async ({ req }) => {
  const { payload } = req
  const now = new Date()
  const due = await payload.find({
    collection: 'articles',
    where: overdueWhere(now),
    depth: 0,
    pagination: false,
    req,
  })
  const newlyOverdue = []
  for (const article of due.docs) {
    const hash = article.approval?.hash
    if (!hash) continue
    const told = await payload.count({
      collection: 'reviews',
      where: {
        and: [
          { article: { equals: article.id } },
          { type: { equals: 'review_overdue' } },
          { contentHash: { equals: hash } },
        ],
      },
      req,
    })
    if (told.totalDocs) continue
    const event = overdueEvent(
      { state: article.state, approvedHash: hash, reviewDue: article.reviewDue ?? null },
      SYSTEM_ACTOR,
      now,
    )
    if (!event) continue
    await appendEvent(req, article.id, event)
    newlyOverdue.push(article)
  }
  if (newlyOverdue.length) {
    const editors = await payload.find({
      collection: 'users',
      where: { roles: { in: ['editor', 'admin'] } },
      depth: 0,
      pagination: false,
      req,
    })
    const notice = overdueNotice(
      editors.docs,
      newlyOverdue.map((a) => ({
        title: a.title,
        reviewDue: a.reviewDue ?? now.toISOString(),
        adminUrl: `${siteUrl()}/admin/collections/articles/${a.id}`,
      })),
    )
    if (notice)
      await payload.sendEmail({ to: notice.to, subject: notice.subject, text: notice.text })
  }
  // Once a day every article is checked against its approval, whatever the change log says: a
  // change made straight in the database is refused here at the latest.
  await queuePublish(req, {
    reason: newlyOverdue.length ? 'reviews became overdue; daily check' : 'daily check',
    verify: true,
  })
  return { output: { overdue: newlyOverdue.length } }
}
