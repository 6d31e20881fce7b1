import type { TaskHandler } from 'payload'

import type { PublishSiteIO } from '../publishSite'
import { describePhases, publishConfiguredSite } from '../../src/publish/configured'

/** The publishSite task's work: runs in the job worker (see ../publishSite.ts). */
export const publishSiteHandler: TaskHandler<PublishSiteIO> = async ({ input, req }) => {
  const report = await publishConfiguredSite(req.payload, undefined, {
    verify: input.verify ?? false,
  })
  req.payload.logger.info(
    `Published (${input.reason ?? 'on demand'}): ${report.rendered.length} file(s) rendered, ${report.refused.length} article(s) refused, in ${report.durationMs} ms (${describePhases(report)})`,
  )
  for (const r of report.refused)
    req.payload.logger.warn(`Publishing refused ${r.slug}: ${r.reason}`)
  return {
    output: {
      buildId: report.buildId,
      rendered: report.rendered.length,
      refused: report.refused.length,
    },
  }
}
