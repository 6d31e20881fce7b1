import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/nobody'
import { SITE_CHANGE_KINDS } from '../../src/content/siteChanges'

/**
 * What changed since the last publish that can change the site: one row per changed article,
 * reference, person or review event, written in the same transaction as the change (so a change
 * that rolls back leaves none) and consumed by the publisher once a build made from it is live.
 * The publisher reads these instead of scanning the site, so a publish costs what changed.
 */
export const SiteChanges: CollectionConfig = {
  slug: 'site-changes',
  admin: { hidden: true },
  graphQL: false,
  lockDocuments: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: SITE_CHANGE_KINDS.map((value) => ({ label: value, value })),
    },
    { name: 'ref', type: 'text', required: true },
  ],
}
