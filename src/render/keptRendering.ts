import { deflateRawSync, inflateRawSync } from 'node:zlib'

import type { RenderedArticle } from '../site'

/**
 * How a kept rendering's documents are stored: their JSON, deflated (level 1) and in base64, a
 * quarter of the JSON's size (10 KB instead of 41 KB for the benchmark's articles, whose 10 000
 * renderings took 415 MB of the database as JSON). Part of every kept rendering's key, so that
 * rows stored another way are never read as this one.
 */
export const KEPT_RENDERING_FORMAT = 'json+deflate-raw+base64'

/** A rendering's documents as they are kept (see `KEPT_RENDERING_FORMAT`). */
export function packRendering(rendered: RenderedArticle): string {
  return deflateRawSync(JSON.stringify(rendered), { level: 1 }).toString('base64')
}

/** The documents of a kept rendering (`packRendering`'s text). Throws on any other text. */
export function unpackRendering(stored: string): RenderedArticle {
  return JSON.parse(inflateRawSync(Buffer.from(stored, 'base64')).toString('utf8'))
}
