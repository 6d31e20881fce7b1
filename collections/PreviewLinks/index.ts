import type { CollectionConfig } from 'payload'

import { nobody, nobodyField } from '../../src/access/nobody'
import { staff } from '../../src/access/staff'
import { PREVIEW_LINK_LIMITS } from '../../src/workflow'
import { createLinkEndpoint, openLinkEndpoints, revokeLinkEndpoint } from './endpoints'

/**
 * Links that show one revision of an article to someone without an account (a clinician outside
 * the board): an expiry, an optional password and a use limit (`previewLinkAccess`). Only a hash
 * of the link's token is stored; the link itself is shown once, to the editor who makes it.
 * Editors make, list and withdraw them; nobody edits or deletes one (each use is in the audit
 * trail, which names the link's recipient). The link opens the page and its comment form, and
 * nothing else: it carries no session.
 */
export const PreviewLinks: CollectionConfig = {
  slug: 'preview-links',
  labels: { singular: 'Preview link', plural: 'Preview links' },
  admin: {
    useAsTitle: 'recipient',
    defaultColumns: ['recipient', 'article', 'expiresAt', 'uses', 'revokedAt'],
    group: 'Content',
    description:
      'Links that show one revision of an article to a reviewer without an account. Make them in the review panel of the article.',
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  endpoints: [createLinkEndpoint, revokeLinkEndpoint, ...openLinkEndpoints],
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true },
    {
      name: 'version',
      type: 'text',
      required: true,
      admin: { description: 'The revision (article version id) the link shows.' },
    },
    { name: 'contentHash', type: 'text', required: true },
    {
      name: 'recipient',
      type: 'text',
      required: true,
      maxLength: 200,
      admin: { description: 'Who the link is for, e.g. "Dr Jane Roe, cardiology".' },
    },
    { name: 'tokenHash', type: 'text', required: true, unique: true, index: true, hidden: true },
    { name: 'passwordHash', type: 'text', hidden: true },
    {
      name: 'hasPassword',
      type: 'checkbox',
      defaultValue: false,
      access: { update: nobodyField },
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'maxUses',
      type: 'number',
      min: PREVIEW_LINK_LIMITS.uses.min,
      max: PREVIEW_LINK_LIMITS.uses.max,
    },
    { name: 'uses', type: 'number', required: true, defaultValue: 0 },
    { name: 'revokedAt', type: 'date' },
    { name: 'createdBy', type: 'relationship', relationTo: 'users' },
  ],
}
