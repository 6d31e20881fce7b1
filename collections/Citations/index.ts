import type { CollectionConfig, FieldAccess } from 'payload'

import { authenticated } from '../../src/access/authenticated'
import { contributors } from '../../src/access/contributors'
import { hasRole } from '../../src/access/roles'
import { staff } from '../../src/access/staff'
import { CSL_TYPES } from '../../src/content/csl'
import {
  CITATION_KEY_PATTERN,
  DOI_HINT,
  DOI_PATTERN,
  PMID_HINT,
  PMID_PATTERN,
} from '../../src/content/identifiers'
import { matches, matchesPattern } from '../shared/matches'
import { trackVerification } from './hooks/trackVerification'

const reviewersField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'reviewer', 'editor', 'admin')

/**
 * One reference each, stored as CSL-JSON fields (the standard Zotero, Pandoc and citation-js use).
 * `key` is what authors write in Markdown as `[@key]`.
 */
export const Citations: CollectionConfig = {
  slug: 'citations',
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['key', 'title', 'containerTitle', 'verified'],
    group: 'Content',
    description: 'References cited in articles as [@key]. A reviewer marks each one verified.',
  },
  access: {
    read: authenticated,
    create: contributors,
    update: contributors,
    delete: staff,
  },
  hooks: {
    beforeChange: [trackVerification],
  },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'Used in Markdown as [@key], e.g. smith2021.' },
      validate: matchesPattern(
        CITATION_KEY_PATTERN,
        'a key starts with a letter, digit or underscore',
      ),
    },
    {
      name: 'type',
      type: 'select',
      required: true,
      defaultValue: 'article-journal',
      options: CSL_TYPES.map((t) => ({ label: t, value: t })),
    },
    { name: 'title', type: 'text', required: true },
    {
      name: 'authors',
      type: 'array',
      labels: { singular: 'Author', plural: 'Authors' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'family', type: 'text', admin: { width: '40%' } },
            { name: 'given', type: 'text', admin: { width: '30%' } },
            {
              name: 'literal',
              type: 'text',
              admin: { width: '30%', description: 'An organisation as author' },
            },
          ],
        },
      ],
    },
    { name: 'containerTitle', type: 'text', label: 'Journal / container title' },
    { name: 'publisher', type: 'text' },
    {
      name: 'issued',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'year', type: 'number', min: 1500, max: 2200 },
            { name: 'month', type: 'number', min: 1, max: 12 },
            { name: 'day', type: 'number', min: 1, max: 31 },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'volume', type: 'text' },
        { name: 'issue', type: 'text' },
        { name: 'page', type: 'text', label: 'Pages' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'doi',
          type: 'text',
          label: 'DOI',
          validate: matchesPattern(DOI_PATTERN, DOI_HINT),
        },
        {
          name: 'pmid',
          type: 'text',
          label: 'PMID',
          validate: matchesPattern(PMID_PATTERN, PMID_HINT),
        },
      ],
    },
    {
      name: 'url',
      type: 'text',
      label: 'URL',
      validate: matches(
        (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
        (v) => `"${v}" is not an http(s) URL.`,
      ),
    },
    { name: 'note', type: 'textarea' },
    {
      name: 'verified',
      type: 'checkbox',
      defaultValue: false,
      access: { create: reviewersField, update: reviewersField },
      admin: {
        position: 'sidebar',
        description:
          'A reviewer confirmed this reference against the source. Editing the reference clears it.',
      },
    },
    {
      name: 'verifiedBy',
      type: 'relationship',
      relationTo: 'users',
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'verifiedAt',
      type: 'date',
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
