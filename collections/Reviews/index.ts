import type { CollectionConfig } from 'payload'
import { siteChangeHooks } from '../../src/content/siteChanges'

import { nobody } from '../../src/access/nobody'
import { reviewEventsRead } from '../../src/access/reviewEventsRead'
import { EVENT_TYPES, STATE_LABELS, WORKFLOW_STATES } from '../../src/workflow'
import { refuseChange } from './hooks/refuseChange'

const changes = siteChangeHooks('review')

const stateOptions = WORKFLOW_STATES.map((value) => ({ label: STATE_LABELS[value], value }))

/**
 * The audit trail: one event per workflow action (submit, start review, comment, request changes,
 * approve, withdraw, unpublish, import). Append-only: no API creates, updates or deletes events;
 * the workflow writes them, and the hooks refuse any later change even from server code.
 */
export const Reviews: CollectionConfig = {
  slug: 'reviews',
  labels: { singular: 'Review event', plural: 'Review events' },
  admin: {
    useAsTitle: 'type',
    defaultColumns: ['article', 'type', 'actor', 'from', 'to', 'at'],
    group: 'Content',
    description: 'The review history of every article. Events are never changed or deleted.',
  },
  access: {
    read: reviewEventsRead,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  hooks: {
    afterChange: [changes.afterChange],
    afterDelete: [changes.afterDelete],
    beforeChange: [refuseChange],
    beforeDelete: [refuseChange],
  },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true },
    {
      name: 'type',
      type: 'select',
      required: true,
      options: EVENT_TYPES.map((value) => ({ label: value.replace(/_/g, ' '), value })),
    },
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    {
      // Who acted, as they were named when they acted: history does not follow later profile edits.
      name: 'actorName',
      type: 'text',
      admin: { description: "The actor's name at the time of the event." },
    },
    {
      name: 'actorCredentials',
      type: 'text',
      admin: { description: "The actor's credentials at the time of the event." },
    },
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'from', type: 'select', options: stateOptions },
    { name: 'to', type: 'select', options: stateOptions },
    {
      name: 'contentHash',
      type: 'text',
      admin: { description: 'SHA-256 of the revision concerned.' },
    },
    { name: 'comment', type: 'textarea' },
    { name: 'assignee', type: 'relationship', relationTo: 'users' },
    {
      // The citations collection holds only the current data of each reference: the reviewer's
      // diff reads the references as they were here, checked against `contentHash`.
      name: 'references',
      type: 'json',
      admin: {
        readOnly: true,
        description:
          'Submissions, approvals and imports: the CSL-JSON of the cited references as they were then (part of what the content hash binds).',
      },
    },
    {
      // A request for changes carries the review comments still open then (their ids).
      name: 'openComments',
      type: 'json',
      admin: { description: 'request changes: the review comments that were open.' },
    },
  ],
}
