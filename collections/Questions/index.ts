import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/nobody'
import { staff } from '../../src/access/staff'
import { QUESTION_LIMITS } from '../../src/site/questions'
import { askEndpoint } from './endpoints/ask'

/**
 * Follow-up questions readers send from an article page, for the editors. Readers need no
 * account: they post to `askEndpoint` (size-limited, rate-limited, with a honeypot), which is the
 * only way in; editors read them here and mark what they did with them.
 */
export const Questions: CollectionConfig = {
  slug: 'questions',
  labels: { singular: 'Question', plural: 'Questions' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'article', 'status', 'createdAt'],
    group: 'Readers',
    description: 'Follow-up questions readers sent from article pages.',
  },
  access: { read: staff, create: nobody, update: staff, delete: staff },
  endpoints: [askEndpoint],
  fields: [
    {
      name: 'question',
      type: 'textarea',
      required: true,
      maxLength: QUESTION_LIMITS.questionMax,
      access: { update: () => false },
      admin: { readOnly: true },
    },
    {
      name: 'email',
      type: 'email',
      access: { update: () => false },
      admin: { readOnly: true, description: 'Given by the reader for a reply (optional).' },
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      access: { update: () => false },
      admin: { readOnly: true, description: 'The article page the question was asked on.' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'new',
      index: true,
      options: [
        { label: 'New', value: 'new' },
        { label: 'Answered', value: 'answered' },
        { label: 'Planned as an article', value: 'planned' },
        { label: 'Dismissed', value: 'dismissed' },
      ],
      admin: { position: 'sidebar' },
    },
  ],
}
