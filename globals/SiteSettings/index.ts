import type { GlobalConfig } from 'payload'

import { authenticated } from '../../src/access/authenticated'
import { staff } from '../../src/access/staff'
import { CITATION_STYLES, DEFAULT_CITATION_STYLE } from '../../src/references'
import { matches } from '../../collections/shared/matches'
import { audienceLabel, VARIANT_AUDIENCES } from '../../src/site/audiences'
import {
  DEFAULT_REFERENCE_POLICY,
  REFERENCE_POLICIES,
  REFERENCE_POLICY_LABELS,
  REVIEW_INTERVAL_MONTHS,
} from '../../src/workflow'
import { queuePublish } from './hooks/queuePublish'
import { recordEditor } from './hooks/recordEditor'

/** The Markdown editor (Monaco served by this server, not a CDN). */
const MARKDOWN_FIELD = '/src/admin/MarkdownField#MarkdownField'

/** Site-wide settings: what every published page says around the article, and publishing rules. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Settings' },
  access: {
    read: authenticated,
    update: staff,
  },
  // Every change is kept, with who made it (`updatedBy`): what readers were told, and when.
  versions: { max: 0 },
  hooks: {
    beforeChange: [recordEditor],
    afterChange: [queuePublish],
  },
  fields: [
    { name: 'siteName', type: 'text', required: true, defaultValue: 'Medical Answers' },
    {
      name: 'advisoryBoardStatement',
      type: 'textarea',
      required: true,
      defaultValue: 'All articles are reviewed for accuracy by our Medical Advisory Board.',
    },
    {
      name: 'disclaimer',
      type: 'code',
      admin: {
        language: 'markdown',
        description:
          'Shown under the main (healthcare professional) version of every article (Markdown). Publishing refuses to run without one.',
        components: { Field: MARKDOWN_FIELD },
      },
    },
    {
      name: 'audienceDisclaimers',
      type: 'group',
      label: 'Disclaimers for the other audiences',
      admin: {
        description:
          'Shown under each audience version instead of the professional disclaimer, in words for those readers (Markdown). Left empty, the version shows the professional one.',
      },
      fields: VARIANT_AUDIENCES.map((audience) => ({
        name: audience,
        label: audienceLabel(audience),
        type: 'code' as const,
        admin: { language: 'markdown', components: { Field: MARKDOWN_FIELD } },
      })),
    },
    {
      name: 'editorialPolicy',
      type: 'code',
      admin: {
        language: 'markdown',
        description: 'The editorial policy page (Markdown).',
        components: { Field: MARKDOWN_FIELD },
      },
    },
    {
      name: 'publishPolicy',
      type: 'select',
      required: true,
      defaultValue: 'approved-only',
      options: [
        { label: 'Approved revisions only', value: 'approved-only' },
        { label: 'Also pending revisions, with a caution banner', value: 'pending-with-banner' },
      ],
    },
    {
      name: 'referencePolicy',
      type: 'select',
      required: true,
      defaultValue: DEFAULT_REFERENCE_POLICY,
      options: REFERENCE_POLICIES.map((value) => ({
        label: REFERENCE_POLICY_LABELS[value],
        value,
      })),
      admin: {
        description:
          'Whether a reviewer must verify every reference of an article (tick it in the review panel) before approving it, or is only warned.',
      },
    },
    {
      name: 'reviewIntervalMonths',
      type: 'number',
      required: true,
      defaultValue: REVIEW_INTERVAL_MONTHS.default,
      min: REVIEW_INTERVAL_MONTHS.min,
      max: REVIEW_INTERVAL_MONTHS.max,
      admin: {
        description: 'An approved article is due for re-review this many months after approval.',
      },
    },
    {
      name: 'citationStyle',
      type: 'select',
      required: true,
      defaultValue: DEFAULT_CITATION_STYLE,
      options: CITATION_STYLES.map(({ id, label }) => ({ label, value: id })),
      admin: {
        description:
          'How every reference list on the site is written. Changing it republishes every page.',
      },
    },
    {
      name: 'updatedBy',
      type: 'relationship',
      relationTo: 'users',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', description: 'Who saved these settings last.' },
    },
    {
      name: 'followUp',
      type: 'group',
      label: 'Follow-up call to action',
      fields: [
        { name: 'heading', type: 'text', defaultValue: 'Have a follow-up question?' },
        { name: 'text', type: 'textarea' },
        { name: 'label', type: 'text', defaultValue: 'Ask a follow-up question' },
        {
          name: 'url',
          type: 'text',
          validate: matches(
            (v) => /^(https?:\/\/|\/|mailto:)/.test(v),
            () => 'Use an http(s) URL, a site path (/…) or a mailto: link.',
          ),
        },
      ],
    },
  ],
}
