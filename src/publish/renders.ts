import type { Payload } from 'payload'

import { KEPT_RENDERING_FORMAT } from '../render/keptRendering'
import { fingerprint } from './build'
import { chunks } from './read'

/**
 * The key of an article revision's rendered documents: its content hash (which covers its
 * Markdown and its references' data), the pipeline's version and its options (citation style,
 * site address), and how the documents are stored.
 */
export const renderKey = (contentHash: string, documentsVersion: string): string =>
  fingerprint('render', contentHash, documentsVersion, KEPT_RENDERING_FORMAT)

/** A kept rendering as stored: the documents (`packRendering`), and a MAC of key and text. */
export interface KeptRendering {
  key: string
  documents: string
  mac: string
}

/**
 * The kept renderings among `keys`, as stored (the render worker that uses one checks its MAC,
 * and renders the Markdown again when it does not match).
 */
export async function readRenders(
  payload: Payload,
  keys: readonly string[],
): Promise<Map<string, KeptRendering>> {
  const found = new Map<string, KeptRendering>()
  for (const chunk of chunks(keys)) {
    const { docs } = await payload.find({
      collection: 'article-renders',
      where: { key: { in: chunk } },
      depth: 0,
      pagination: false,
    })
    for (const doc of docs)
      found.set(doc.key, { key: doc.key, documents: doc.documents, mac: doc.mac })
  }
  return found
}

/**
 * Keeps renderings for later publishes. Through the database adapter (they are the publisher's
 * derived data: no hooks, no access, no versions), one row per key; a key kept meanwhile by
 * another publish is left as it is.
 */
export async function writeRenders(
  payload: Payload,
  renders: readonly KeptRendering[],
): Promise<void> {
  for (const row of renders) {
    try {
      await payload.db.create({ collection: 'article-renders', data: { ...row } })
    } catch (error) {
      const exists = await payload.db.findOne({
        collection: 'article-renders',
        where: { key: { equals: row.key } },
      })
      if (!exists) throw error
    }
  }
}
