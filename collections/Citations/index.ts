import type { CollectionConfig, FieldAccess, TextField } from 'payload'
import { json } from 'payload/shared'
import { siteChangeHooks } from '../../src/content/siteChanges'

import { authenticated } from '../../src/access/authenticated'
import { contributors } from '../../src/access/contributors'
import { mayVerifyReferences } from '../../src/access/roles'
import { staff } from '../../src/access/staff'
import {
  CITATION_KEY_HINT,
  CITATION_KEY_PATTERN,
  CSL_TYPES,
  extraCslProblem,
  type Identifier,
  identifierProblem,
  IDENTIFIERS,
  STORED_DATE_RANGES,
} from '../../src/references'
import { matches } from '../shared/matches'
import { keepServerTimestamps } from '../shared/serverTimestamps'
import { importPreviewEndpoint, importSaveEndpoint } from './endpoints/importReferences'
import { normalizeIdentifier } from './hooks/normalizeIdentifier'
import { trackVerification } from './hooks/trackVerification'

const changes = siteChangeHooks('citation')

const reviewersField: FieldAccess = ({ req: { user } }) => mayVerifyReferences(user)

/** A reference identifier: cleaned as src/references normalizes it, then validated the same way. */
const identifierField = (name: string, identifier: Identifier): TextField => ({
  name,
  type: 'text',
  label: identifier.label,
  hooks: { beforeValidate: [normalizeIdentifier(identifier)] },
  validate: matches(identifier.isValid, (value) => identifierProblem(identifier, value) ?? ''),
})

/**
 * One reference each, stored as CSL-JSON (the standard Zotero, Pandoc and citation-js use) through
 * src/references' one mapping: the fields reviewers edit have their own columns, and `csl` keeps
 * every other field the reference had. `key` is what authors write in Markdown as `[@key]`.
 */
export const Citations: CollectionConfig = {
  slug: 'citations',
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['key', 'title', 'containerTitle', 'verified'],
    group: 'Content',
    description: 'References cited in articles as [@key]. A reviewer marks each one verified.',
    components: { beforeListTable: ['/src/admin/ReferenceImport#ReferenceImport'] },
  },
  endpoints: [importPreviewEndpoint, importSaveEndpoint],
  access: {
    read: authenticated,
    create: contributors,
    update: contributors,
    delete: staff,
  },
  hooks: {
    afterChange: [changes.afterChange],
    afterDelete: [changes.afterDelete],
    beforeChange: [keepServerTimestamps, trackVerification],
  },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'Used in Markdown as [@key], e.g. smith2021.' },
      validate: matches(
        (value) => CITATION_KEY_PATTERN.test(value),
        (value) => `"${value}" is not valid: ${CITATION_KEY_HINT}.`,
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
        {
          type: 'row',
          fields: [
            {
              name: 'nonDroppingParticle',
              type: 'text',
              label: 'Particle (kept)',
              admin: { width: '40%', description: 'e.g. "van de" in van de Donk' },
            },
            {
              name: 'droppingParticle',
              type: 'text',
              label: 'Particle (dropped)',
              admin: { width: '30%', description: 'e.g. "van" in Ludwig van Beethoven' },
            },
            {
              name: 'suffix',
              type: 'text',
              admin: { width: '30%', description: 'e.g. Jr' },
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
            { name: 'year', type: 'number', ...STORED_DATE_RANGES.year },
            { name: 'month', type: 'number', ...STORED_DATE_RANGES.month },
            { name: 'day', type: 'number', ...STORED_DATE_RANGES.day },
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
        identifierField('doi', IDENTIFIERS.DOI),
        identifierField('pmid', IDENTIFIERS.PMID),
        identifierField('pmcid', IDENTIFIERS.PMCID),
      ],
    },
    {
      type: 'row',
      fields: [identifierField('isbn', IDENTIFIERS.ISBN), identifierField('url', IDENTIFIERS.URL)],
    },
    { name: 'note', type: 'textarea' },
    {
      name: 'csl',
      type: 'json',
      label: 'Other CSL-JSON fields',
      admin: {
        description:
          'Everything else the reference manager exported (abstract, ISSN, language, accessed, editors…), kept so nothing is lost. It is part of the reference: changing it clears "verified" and counts as a change to every article citing it.',
      },
      validate: (value, args) => {
        const base = json(value, args)
        if (base !== true) return base
        return extraCslProblem(value) ?? true
      },
    },
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
