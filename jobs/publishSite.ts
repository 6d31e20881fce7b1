import type { TaskConfig } from 'payload'

import { publishConfiguredSite } from '../src/publish/configured'

/**
 * Publishes the site (incrementally: only what changed is rendered). Queued by the workflow when
 * an approval or unpublish commits, and by the overdue check; run by the job worker.
 */
export const publishSiteTask: TaskConfig<{
  input: { reason?: string }
  output: { buildId: string; rendered: number; refused: number }
}> = {
  slug: 'publishSite',
  label: 'Publish the site',
  retries: 2,
  inputSchema: [{ name: 'reason', type: 'text' }],
  outputSchema: [
    { name: 'buildId', type: 'text', required: true },
    { name: 'rendered', type: 'number', required: true },
    { name: 'refused', type: 'number', required: true },
  ],
  handler: async ({ input, req }) => {
    const report = await publishConfiguredSite(req.payload)
    req.payload.logger.info(
      `Published (${input.reason ?? 'on demand'}): ${report.rendered.length} file(s) rendered, ${report.refused.length} article(s) refused`,
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
  },
}
