import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/nobody'

/**
 * The rendered documents of article revisions, kept by the publisher so that a page can be made
 * again without rendering its Markdown (after a template or settings change, or into an empty
 * site folder): one row per content hash, pipeline and citation style (`key`). Written and read
 * only by the publisher; no API reaches it, and each row carries a MAC of its content.
 */
export const ArticleRenders: CollectionConfig = {
  slug: 'article-renders',
  admin: { hidden: true },
  graphQL: false,
  lockDocuments: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    // Deflated JSON in base64 (src/render/keptRendering.ts), MAC'd as stored.
    { name: 'documents', type: 'textarea', required: true },
    { name: 'mac', type: 'text', required: true },
  ],
}
