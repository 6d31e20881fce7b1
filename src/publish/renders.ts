import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Payload } from 'payload'

import { resolveSecret } from '../config/env'
import { stableStringify } from '../references'
import type { RenderedArticle } from '../site'
import { fingerprint } from './build'
import { IN_CHUNK } from './read'

/**
 * The key of an article revision's rendered documents: its content hash (which covers its
 * Markdown and its references' data), the pipeline's version and its options (citation style,
 * site address).
 */
export const renderKey = (contentHash: string, documentsVersion: string): string =>
  fingerprint('render', contentHash, documentsVersion)

const mac = (key: string, json: string) =>
  createHmac('sha256', resolveSecret()).update(key).update('\0').update(json).digest('hex')

/**
 * The kept renderings among `keys`. A row whose MAC does not match (changed outside the
 * publisher) is left out, so the article is rendered again from its Markdown.
 */
export async function readRenders(
  payload: Payload,
  keys: readonly string[],
): Promise<Map<string, RenderedArticle>> {
  const found = new Map<string, RenderedArticle>()
  for (let i = 0; i < keys.length; i += IN_CHUNK) {
    const { docs } = await payload.find({
      collection: 'article-renders',
      where: { key: { in: keys.slice(i, i + IN_CHUNK) } },
      depth: 0,
      pagination: false,
    })
    for (const doc of docs) {
      const json = stableStringify(doc.documents)
      const expected = Buffer.from(mac(doc.key, json), 'hex')
      const given = Buffer.from(doc.mac, 'hex')
      if (given.length === expected.length && timingSafeEqual(given, expected)) {
        found.set(doc.key, doc.documents as unknown as RenderedArticle)
      } else {
        payload.logger.warn(`A kept rendering (${doc.key}) does not match its MAC: rendering again`)
      }
    }
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
  renders: ReadonlyMap<string, RenderedArticle>,
): Promise<void> {
  for (const [key, documents] of renders) {
    // Over sorted keys: a database may give JSON back with its keys in another order.
    try {
      await payload.db.create({
        collection: 'article-renders',
        data: { key, documents, mac: mac(key, stableStringify(documents)) },
      })
    } catch (error) {
      const exists = await payload.db.findOne({
        collection: 'article-renders',
        where: { key: { equals: key } },
      })
      if (!exists) throw error
    }
  }
}
