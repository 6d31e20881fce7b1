import type { CollectionConfig, Field } from 'payload'
import { siteChangeHooks } from '../../src/content/siteChanges'

import { nobodyField } from '../../src/access/nobody'
import { publishedOrParticipant } from '../../src/access/publishedOrParticipant'
import { articleEditors } from '../../src/access/articleEditors'
import { articleCreators } from '../../src/access/articleCreators'
import { staff } from '../../src/access/staff'
import { versionReaders } from '../../src/access/versionReaders'
import { SLUG_HINT, SLUG_PATTERN } from '../../src/content/identifiers'
import { audienceLabel, VARIANT_AUDIENCES } from '../../src/site/audiences'
import { INITIAL_STATE, STATE_LABELS, WORKFLOW_STATES } from '../../src/workflow'
import { matches } from '../shared/matches'
import { keepServerTimestamps } from '../shared/serverTimestamps'
import { changesEndpoint } from './endpoints/changes'
import { pagePreviewEndpoint } from './endpoints/pagePreview'
import { previewEndpoint } from './endpoints/preview'
import { workflowEndpoint, workflowStatusEndpoint } from './endpoints/workflow'
import { commentsListEndpoint, commentsPostEndpoint } from './endpoints/comments'
import { deriveSlug } from './hooks/deriveSlug'
import { enforceEditRules } from './hooks/enforceEditRules'
import { guardPublication } from './hooks/guardPublication'
import { refuseRecordedDelete } from './hooks/refuseRecordedDelete'
import { lengthProblem } from '../../src/markdown'

const changes = siteChangeHooks('article')

const markdown = (name: string, description: string, required = true): Field => ({
  name,
  type: 'code',
  required,
  // The core's size limit: a save through any API refuses a body the checks would (nesting and
  // the rest are for submit: a draft may be work in progress).
  validate: (value: unknown, { req }: { req: { t: (key: 'validation:required') => string } }) =>
    required && value === undefined
      ? req.t('validation:required')
      : typeof value === 'string'
        ? (lengthProblem(value) ?? true)
        : true,
  admin: {
    language: 'markdown',
    description,
    editorOptions: { wordWrap: 'on', lineNumbers: 'on', minimap: { enabled: false } },
    components: { Field: '/src/admin/ArticleMarkdownField#ArticleMarkdownField' },
  },
})

/** In the edit view the review panel shows these in words; lists and filters keep them. */
const SHOWN_IN_REVIEW_PANEL = '/src/admin/ShownInReviewPanel#ShownInReviewPanel'

/** Written only by the workflow (server code with its own checks), never through an API. */
const workflowOwned = { create: nobodyField, update: nobodyField }

/**
 * A medical Q&A article. Versions and drafts are on: the published version is the approved one;
 * edits are drafts until a reviewer approves them again.
 */
export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'state', 'authors', 'reviewers', 'reviewDue', 'updatedAt'],
    group: 'Content',
    listSearchableFields: ['title', 'slug', 'summary'],
    components: {
      edit: {
        // Publishing happens only by approval (the server refuses the rest): no Publish or
        // Unpublish of Payload's own, and no "Revert to published" in the status.
        PublishButton: '/src/admin/PublishByApproval#PublishByApproval',
        UnpublishButton: '/src/admin/PublishByApproval#NoUnpublishButton',
        Status: '/src/admin/ReviewStatus#ReviewStatus',
      },
      // Revisions named after the review action that saved them, not "Draft" on every row.
      views: {
        edit: { versions: { Component: '/src/admin/ArticleVersions#ArticleVersions' } },
      },
    },
  },
  // Bulk edit could publish or unpublish many articles past the workflow (refused anyway), and
  // duplicating copied a unique slug and the workflow fields: an article starts blank.
  disableBulkEdit: true,
  disableDuplicate: true,
  versions: {
    // Drafts are validated like published documents: a draft without a question is not a draft.
    drafts: { validate: true },
    // Every revision is kept: approved ones are part of the record of what the board signed off.
    maxPerDoc: 0,
  },
  access: {
    read: publishedOrParticipant,
    readVersions: versionReaders,
    create: articleCreators,
    update: articleEditors,
    delete: staff,
  },
  hooks: {
    afterChange: [changes.afterChange],
    afterDelete: [changes.afterDelete],
    beforeOperation: [guardPublication],
    beforeValidate: [deriveSlug],
    beforeChange: [keepServerTimestamps, enforceEditRules],
    beforeDelete: [refuseRecordedDelete],
  },
  endpoints: [
    previewEndpoint,
    pagePreviewEndpoint,
    workflowEndpoint,
    workflowStatusEndpoint,
    changesEndpoint,
    commentsListEndpoint,
    commentsPostEndpoint,
  ],
  fields: [
    {
      // The review panel: first in the sidebar, so it is in view beside the top of the article.
      name: 'reviewPanel',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/src/admin/WorkflowPanel#WorkflowPanel' },
      },
    },
    {
      name: 'title',
      type: 'text',
      label: 'Question',
      required: true,
      admin: { description: 'The question the article answers, as a reader would ask it.' },
    },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: {
        position: 'sidebar',
        description: 'The page address: /articles/<slug>/. Made from the question when left empty.',
      },
      validate: matches(
        (v) => SLUG_PATTERN.test(v),
        (v) => `Invalid slug "${v}": ${SLUG_HINT}.`,
      ),
    },
    {
      name: 'summary',
      type: 'textarea',
      admin: {
        description: 'One or two sentences: the answer in brief, used in lists and search results.',
      },
    },
    {
      name: 'topics',
      type: 'text',
      hasMany: true,
      admin: { description: 'Conditions or subjects the article is about, e.g. Multiple myeloma.' },
    },
    markdown(
      'body',
      'The answer, for healthcare professionals, in Markdown. Cite references as [@key].',
    ),
    {
      name: 'variants',
      type: 'array',
      label: 'Audience versions',
      labels: { singular: 'Audience version', plural: 'Audience versions' },
      admin: { description: 'The same answer in other words for other readers, e.g. patients.' },
      fields: [
        {
          name: 'audience',
          type: 'select',
          required: true,
          options: VARIANT_AUDIENCES.map((value) => ({ label: audienceLabel(value), value })),
        },
        {
          name: 'title',
          type: 'text',
          admin: { description: 'Optional: the question in these words.' },
        },
        { name: 'summary', type: 'textarea' },
        markdown('body', 'Markdown. Cite references as [@key].'),
      ],
    },
    {
      // The whole page as readers will see it, made by the site's own page component.
      name: 'pagePreview',
      type: 'ui',
      admin: { components: { Field: '/src/admin/PagePreview#PagePreview' } },
    },
    {
      name: 'citations',
      type: 'relationship',
      relationTo: 'citations',
      hasMany: true,
      admin: { description: 'The references this article may cite, in order.' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      required: true,
      minRows: 1,
      filterOptions: { roles: { contains: 'author' } },
      // An author starting an article is its first author.
      defaultValue: ({ user }: { user?: { id: string | number; roles?: string[] } | null }) =>
        user?.roles?.includes('author') ? [user.id] : undefined,
    },
    {
      name: 'reviewers',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      access: workflowOwned,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Assigned when a review starts.',
        components: { Field: SHOWN_IN_REVIEW_PANEL },
      },
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: INITIAL_STATE,
      index: true,
      options: WORKFLOW_STATES.map((value) => ({ label: STATE_LABELS[value], value })),
      access: workflowOwned,
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: { Field: SHOWN_IN_REVIEW_PANEL, Cell: '/src/admin/StateCell#StateCell' },
      },
    },
    {
      name: 'reviewDue',
      type: 'date',
      index: true,
      access: workflowOwned,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'When the approved answer must be reviewed again.',
        components: { Field: SHOWN_IN_REVIEW_PANEL },
      },
    },
    {
      name: 'approval',
      type: 'group',
      access: workflowOwned,
      admin: { position: 'sidebar', readOnly: true, components: { Field: SHOWN_IN_REVIEW_PANEL } },
      fields: [
        { name: 'hash', type: 'text', label: 'Approved content hash (SHA-256)' },
        { name: 'approvedBy', type: 'relationship', relationTo: 'users' },
        { name: 'approvedAt', type: 'date' },
      ],
    },
  ],
}
