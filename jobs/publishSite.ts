import type { TaskConfig } from 'payload'

import { handlerPath } from './handlerPath'

/** What the task takes and gives back. */
export type PublishSiteIO = {
  input: { reason?: string; verify?: boolean }
  output: { buildId: string; rendered: number; refused: number }
}

/**
 * Publishes the site (incrementally: only what changed is rendered). Queued by the workflow when
 * an approval or unpublish commits, and by the overdue check; run by the job worker.
 */
export const publishSiteTask: TaskConfig<PublishSiteIO> = {
  slug: 'publishSite',
  label: 'Publish the site',
  retries: 2,
  inputSchema: [
    { name: 'reason', type: 'text' },
    // Check every article against its approval (the daily check), not only what the log names.
    { name: 'verify', type: 'checkbox' },
  ],
  outputSchema: [
    { name: 'buildId', type: 'text', required: true },
    { name: 'rendered', type: 'number', required: true },
    { name: 'refused', type: 'number', required: true },
  ],
  // A module path, imported by the job worker: the web server never bundles publishing code.
  handler: handlerPath('publishSite', 'publishSiteHandler'),
}
