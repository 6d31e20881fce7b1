import fs from 'node:fs/promises'
import path from 'node:path'

import { fingerprint } from '../../config/fingerprint'
import type { FeedArticle } from '../../site'
import { BUILDS, readLink, sitePaths, swapLink, writeAtomically } from './layout'

/** A file of a build: its object, and a fingerprint of everything it was made from. */
export interface ManifestFile {
  object: string
  input: string
}

/** What a build knows of an article on the site. */
export interface ManifestArticle {
  id: string
  /** How lists, the feed and the sitemap show it. */
  summary: FeedArticle
  /** A fingerprint of everything its pages are made from: equal inputs make equal pages. */
  input: string
  /** Its pages (site paths). */
  pages: string[]
  /** The object holding its search record. */
  search: string
}

/** The search index of a build: its full index, and what changed since it was made. */
export interface ManifestSearch {
  /** The full index's folder (under the search root), named by its content. */
  base: string
  /** Each indexed article's document number. */
  docs: Record<string, number>
  /** The full index holds the documents numbered below this. */
  baseCount: number
  nextDoc: number
  /** Articles added or changed since the full index was made (the delta file holds them). */
  changed: string[]
  /** Document numbers whose entries in the full index are out of date. */
  stale: number[]
}

/** What a build was made from: the next publish reuses every file whose input is unchanged. */
export interface SiteManifest {
  version: 2
  buildId: string
  createdAt: string
  /** A fingerprint of the renderer, the site settings and the address: pages' common input. */
  siteKey: string
  /** The data this build was read from was read at this time (ISO 8601). */
  watermark: string
  /** The time the build was made for (re-reviews fall overdue as time passes). */
  now: string
  files: Record<string, ManifestFile>
  articles: Record<string, ManifestArticle>
  search: ManifestSearch
  /** How many published and pending articles the database held when it was read. */
  counts: { published: number; pending: number }
}

export { fingerprint }

/** The build `current` points at, if there is one. */
export async function currentBuild(root: string): Promise<SiteManifest | undefined> {
  return readBuild(root, await readLink(sitePaths(root).current))
}

/** The build a link target (`builds/<id>.json`) names, if it can be read. */
export async function readBuild(
  root: string,
  target: string | undefined,
): Promise<SiteManifest | undefined> {
  if (!target) return undefined
  try {
    const manifest = JSON.parse(await fs.readFile(path.resolve(root, target), 'utf8'))
    return manifest.version === 2 ? (manifest as SiteManifest) : undefined
  } catch {
    return undefined
  }
}

/**
 * Makes `manifest` the live build: writes it (its objects must already be kept), then swaps
 * `current` to it in one rename; the build it replaced becomes `previous`, for rollback.
 */
export async function goLive(root: string, manifest: SiteManifest): Promise<void> {
  const paths = sitePaths(root)
  await fs.mkdir(paths.builds, { recursive: true })
  await writeAtomically(paths.manifest(manifest.buildId), JSON.stringify(manifest))
  const old = await readLink(paths.current)
  await swapLink(paths.current, path.join(BUILDS, `${manifest.buildId}.json`))
  if (old) await swapLink(paths.previous, old)
}
