import type { TaskHandler } from 'payload'

import type { CheckOverdueReviewsIO } from '../checkOverdueReviews'
import { overdueNotice } from '../../src/notifications/messages'

/** The checkOverdueReviews task's work: runs in the job worker (see ../checkOverdueReviews.ts). */
export const checkOverdueReviewsHandler: TaskHandler<CheckOverdueReviewsIO> = async ({ req }) => {
  const { payload } = req
  const now = new Date().toISOString()
  const due = await payload.find({
    collection: 'articles',
    where: {
      and: [{ _status: { equals: 'published' } }, { reviewDue: { less_than_equal: now } }],
    },
    depth: 0,
    pagination: false,
    req,
  })
  const newlyOverdue = []
  for (const article of due.docs) {
    const hash = article.approval?.hash
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
    await payload.create({
      collection: 'reviews',
      data: {
        article: article.id,
        type: 'review_overdue',
        at: now,
        from: article.state,
        to: article.state,
        contentHash: hash,
        comment: `Re-review was due ${article.reviewDue?.slice(0, 10)}.`,
      },
      req,
    })
    newlyOverdue.push(article)
  }
  if (!newlyOverdue.length) return { output: { overdue: 0 } }
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
      reviewDue: a.reviewDue ?? now,
      adminUrl: `${payload.config.serverURL}/admin/collections/articles/${a.id}`,
    })),
  )
  if (notice) await payload.sendEmail({ to: notice.to, subject: notice.subject, text: notice.text })
  await payload.jobs.queue({
    task: 'publishSite',
    input: { reason: 'reviews became overdue' },
    req,
  })
  return { output: { overdue: newlyOverdue.length } }
}
