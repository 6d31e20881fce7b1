import type { GlobalAfterChangeHook } from 'payload'

import { queuePublish as queue } from '../../../jobs/queuePublish'

/**
 * Every page shows the settings (disclaimer, policy, citation style, call to action), so saving
 * them republishes the site, as an approval does: the job is queued in the save's transaction and
 * runs once it has committed. Publishing is incremental: only pages the change touches are
 * rendered again.
 */
export const queuePublish: GlobalAfterChangeHook = async ({ req }) => {
  await queue(req, { reason: 'site settings changed' })
}
