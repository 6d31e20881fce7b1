import type { CollectionConfig } from 'payload'
import { siteChangeHooks } from '../../src/content/siteChanges'

import { admins } from '../../src/access/admins'
import { adminsField } from '../../src/access/adminsField'
import { adminsOrSelf } from '../../src/access/adminsOrSelf'
import { adminsOrSelfField } from '../../src/access/adminsOrSelfField'
import { authenticated } from '../../src/access/authenticated'
import { ORCID_HINT, isValidOrcid, SLUG_HINT, SLUG_PATTERN } from '../../src/content/identifiers'
import { ROLES } from '../../src/workflow'
import { matches } from '../shared/matches'
import { keepServerTimestamps } from '../shared/serverTimestamps'
import { endSessionsOnDeactivation, refuseDeactivatedLogin } from './hooks/deactivation'
import { deriveProfileSlug } from './hooks/deriveProfileSlug'
import { refuseRecordedDelete } from './hooks/refuseRecordedDelete'

const changes = siteChangeHooks('user')

/**
 * People: authors, advisory board reviewers, editors and admins. The public profile (name,
 * credentials, specialty, bio, disclosures, ORCID) is what readers see on the advisory board page
 * and beside "Last reviewed by".
 */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'credentials', 'specialty'],
    group: 'People',
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    read: authenticated,
    create: admins,
    update: adminsOrSelf,
    delete: admins,
    // Lifting a login lockout is an admin's decision: anyone else could undo the brute-force guard.
    unlock: admins,
  },
  hooks: {
    afterChange: [changes.afterChange],
    afterDelete: [changes.afterDelete],
    beforeChange: [keepServerTimestamps, endSessionsOnDeactivation],
    beforeDelete: [refuseRecordedDelete],
    beforeLogin: [refuseDeactivatedLogin],
    beforeValidate: [deriveProfileSlug],
  },
  fields: [
    {
      // Payload's own email field, with who may read it: the person and admins. Editors pick
      // people by name; an email list of every account is not theirs to read.
      name: 'email',
      type: 'email',
      access: { read: adminsOrSelfField },
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      admin: { description: 'Full name as readers see it.' },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['author'],
      options: ROLES.map((role) => ({
        label: role[0]!.toUpperCase() + role.slice(1),
        value: role,
      })),
      access: { create: adminsField, update: adminsField },
      admin: {
        description: 'Reviewers form the medical advisory board. Only admins change roles.',
      },
    },
    {
      name: 'deactivated',
      type: 'checkbox',
      defaultValue: false,
      access: { create: adminsField, update: adminsField },
      admin: {
        position: 'sidebar',
        description:
          'A deactivated account cannot sign in. People in the review record are deactivated, never deleted.',
      },
    },
    {
      type: 'collapsible',
      label: 'Public profile',
      fields: [
        {
          name: 'slug',
          type: 'text',
          unique: true,
          index: true,
          admin: {
            description:
              'Anchor of the profile on the advisory board page; made from the name when empty.',
          },
          validate: matches(
            (v) => SLUG_PATTERN.test(v),
            (v) => `Invalid slug "${v}": ${SLUG_HINT}.`,
          ),
        },
        { name: 'credentials', type: 'text', admin: { description: 'e.g. MD, PhD' } },
        { name: 'specialty', type: 'text', admin: { description: 'e.g. Hematology' } },
        { name: 'bio', type: 'textarea', admin: { description: 'Two or three sentences.' } },
        {
          name: 'disclosures',
          type: 'textarea',
          label: 'Conflict-of-interest disclosure',
          admin: {
            description: 'Shown on the advisory board page. Write "None" when there is none.',
          },
        },
        {
          name: 'orcid',
          type: 'text',
          label: 'ORCID iD',
          validate: matches(isValidOrcid, (v) => `Invalid ORCID iD "${v}": ${ORCID_HINT}.`),
        },
      ],
    },
  ],
}
