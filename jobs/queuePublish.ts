import type { PayloadRequest } from 'payload'

import type { PublishSiteIO } from './publishSite'

/**
 * Queues a publish in the request's transaction (it runs once that has committed), unless one is
 * already waiting to start: a publish reads the change log when it starts, so the waiting one
 * will take this change into account too. A burst of changes (an import, a reviewer's afternoon)
 * is then one publish, not one per change. A verifying publish is always queued.
 */
export async function queuePublish(
  req: PayloadRequest,
  input: PublishSiteIO['input'],
): Promise<void> {
  if (!input.verify) {
    const waiting = await req.payload.count({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'publishSite' } },
          { processing: { equals: false } },
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
        ],
      },
      req,
      overrideAccess: true,
    })
    if (waiting.totalDocs > 0) return
  }
  await req.payload.jobs.queue({ task: 'publishSite', input, req })
}
