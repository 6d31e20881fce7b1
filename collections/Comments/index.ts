import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/nobody'
import { reviewEventsRead } from '../../src/access/reviewEventsRead'
import { COMMENT_KINDS } from '../../src/comments'
import { refuseChange } from './hooks/refuseChange'

/**
 * Review comments: an append-only log per article. A `comment` is anchored to a passage of a
 * revision (a W3C TextQuoteSelector and TextPositionSelector, see src/comments); `reply`,
 * `resolve` and `reopen` entries name the thread they belong to. Written only by the comments
 * endpoint (`POST /api/articles/:id/comments`), never changed or deleted, never published: the
 * publisher does not read this collection.
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  labels: { singular: 'Review comment', plural: 'Review comments' },
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['article', 'kind', 'author', 'body', 'at'],
    group: 'Content',
    description:
      'Comments on passages of articles in review. They are never changed, deleted or published.',
  },
  access: {
    read: reviewEventsRead,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  hooks: {
    beforeChange: [refuseChange],
    beforeDelete: [refuseChange],
  },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: COMMENT_KINDS.map((value) => ({ label: value, value })),
    },
    {
      // The thread's first comment; empty on a comment that starts a thread.
      name: 'thread',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
    },
    { name: 'author', type: 'relationship', relationTo: 'users' },
    {
      name: 'authorName',
      type: 'text',
      admin: { description: "The author's name when they wrote it." },
    },
    { name: 'body', type: 'textarea' },
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'anchor',
      type: 'group',
      admin: { description: 'The passage commented on, in the revision `contentHash`.' },
      fields: [
        { name: 'field', type: 'text' },
        { name: 'exact', type: 'textarea' },
        { name: 'prefix', type: 'text' },
        { name: 'suffix', type: 'text' },
        { name: 'start', type: 'number' },
        { name: 'end', type: 'number' },
      ],
    },
    {
      name: 'contentHash',
      type: 'text',
      admin: { description: 'SHA-256 of the revision the comment was written on.' },
    },
  ],
}
