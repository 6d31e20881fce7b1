import type { TaskHandler } from 'payload'

import type { NotifyWorkflowEventIO } from '../notifyWorkflowEvent'
import { siteUrl } from '../../src/config/env'
import { workflowNotice } from '../../src/notifications/messages'

/** The notifyWorkflowEvent task's work: runs in the job worker (see ../notifyWorkflowEvent.ts). */
export const notifyWorkflowEventHandler: TaskHandler<NotifyWorkflowEventIO> = async ({
  input,
  req,
}) => {
  const { payload } = req
  const event = await payload.findByID({
    collection: 'reviews',
    id: input.eventId,
    depth: 0,
    req,
  })
  const articleId = typeof event.article === 'object' ? event.article.id : event.article
  const article = await payload.findByID({
    collection: 'articles',
    id: articleId,
    draft: true,
    depth: 1,
    req,
  })
  const authors = (article.authors ?? []).filter((a) => typeof a === 'object')
  const board = await payload.find({
    collection: 'users',
    where: { roles: { contains: 'reviewer' } },
    depth: 0,
    pagination: false,
    req,
  })
  const authorIds = new Set(authors.map((a) => String(a.id)))
  const actorId = typeof event.actor === 'object' ? event.actor?.id : event.actor
  const actor = actorId
    ? await payload.findByID({ collection: 'users', id: actorId, depth: 0, req })
    : undefined
  const notice = workflowNotice(
    { type: event.type, comment: event.comment, actorEmail: actor?.email },
    {
      title: article.title,
      slug: article.slug,
      adminUrl: `${siteUrl()}/admin/collections/articles/${article.id}`,
      publicUrl: `${siteUrl()}/articles/${article.slug}/`,
    },
    { authors, board: board.docs.filter((u) => !authorIds.has(String(u.id))) },
  )
  if (!notice) return { output: { sent: 0 } }
  await payload.sendEmail({ to: notice.to, subject: notice.subject, text: notice.text })
  return { output: { sent: notice.to.length } }
}
