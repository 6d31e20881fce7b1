import fs from 'node:fs/promises'
import path from 'node:path'

import { fingerprint } from '../../config/fingerprint'
import type { FeedArticle, TopicRef } from '../../site'
import { BUILDS, readLink, sitePaths, swapLink, writeAtomically } from './layout'
import { SHARDS, ShardedTable, type ShardTable } from './shards'

/** A file of a build: its object, and a fingerprint of everything it was made from. */
export interface ManifestFile {
  object: string
  input: string
}

/** What a build knows of an article on the site. */
export interface ManifestArticle {
  id: string
  slug: string
  /** How lists, the feed and the sitemap show it. */
  summary: FeedArticle
  /** A fingerprint of everything its pages are made from: equal inputs make equal pages. */
  input: string
  /** Its pages (site paths). */
  pages: string[]
  /** The object holding its search record. */
  search: string
  /** Its document number in the search index. */
  doc: number
}

/** The search index of a build: its full index, and what changed since it was made. */
export interface ManifestSearch {
  /** The full index's folder (under the search root), named by its content. */
  base: string
  /** The full index's files (site paths). */
  baseFiles: string[]
  /** The full index holds the documents numbered below this. */
  baseCount: number
  nextDoc: number
  /** The delta file (site path). */
  delta: string
  /**
   * Articles (by id) added or changed since the full index was made, which the delta file holds:
   * their document numbers and search records' objects.
   */
  changed: Record<string, { doc: number; search: string }>
  /** Document numbers whose entries in the full index are out of date. */
  stale: number[]
}

/** A list of articles ranked by one rule, of which a page shows the first few. */
export interface RankedList {
  /** The best ranked articles, best first: the first `entries.length` of the whole site. */
  entries: FeedArticle[]
  /** `entries` holds every article the rule ranks (the site has no more). */
  complete: boolean
}

/** A group of articles listed on pages of their own (a topic, an article sitemap). */
export interface ArticleGroup {
  /** The object holding the group's articles' summaries (JSON, by slug). */
  members: string
  count: number
}

/** What the lists of a build were made from, so that a publish updates only the ones it changes. */
export interface ManifestLists {
  /** The most recently reviewed (the home page). */
  recent: RankedList
  /** The newest updates (the feed). */
  feed: RankedList
  /** Topics by slug (their pages, the home page's topics). */
  topics: Record<string, ArticleGroup & { topic: TopicRef }>
  /**
   * Article sitemaps by number: how many approved articles each lists, its newest change, and
   * the newest update of any of its articles (approved or pending).
   */
  sitemaps: Record<string, ArticleGroup & { approved: number; lastmod?: string; newest?: string }>
}

/**
 * What a build was made from: the next publish reuses every file whose input is unchanged. The
 * files and articles are sharded tables (see `ShardedTable`): a publish writes the shards it
 * changed and this small manifest, and a reader loads the shards it needs.
 */
export interface SiteManifest {
  version: 3
  buildId: string
  createdAt: string
  /** A fingerprint of the renderer, the site settings and the address: pages' common input. */
  siteKey: string
  /** The data this build was read from was read at this time (ISO 8601). */
  watermark: string
  /** The time the build was made for (re-reviews fall overdue as time passes). */
  now: string
  /** Site path -> ManifestFile, an article's pages in one shard. */
  files: { shards: ShardTable; size: number }
  /** Article id -> ManifestArticle. */
  articles: { shards: ShardTable; size: number; approved: number }
  search: ManifestSearch
  lists: ManifestLists
  /** How many published and pending articles the database held when it was read. */
  counts: { published: number; pending: number }
}

/** A build opened for reading (and, by a publish, as the base of the next one). */
export interface Build {
  manifest: SiteManifest
  files: ShardedTable<ManifestFile>
  articles: ShardedTable<ManifestArticle>
}

/**
 * What picks a site path's shard: an item of a folder of items (`articles/x/…`, `topics/x/…`) by
 * its first two segments, so an article's pages share one; any other file by its folder (the
 * site's own files, `index.html`, `feed.xml`…, share the root's), so that a publish reads a few
 * shards for the pages every publish makes again.
 */
export const fileGroup = (sitePath: string): string => {
  const parts = sitePath.split('/')
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.length === 2 ? parts[0]! : ''
}

/** Opens the tables of a build (or, without one, empty tables for a first build). */
export function openTables(
  root: string,
  manifest: SiteManifest | undefined,
): Pick<Build, 'files' | 'articles'> {
  return {
    files: new ShardedTable<ManifestFile>(
      root,
      manifest?.files.shards,
      manifest?.files.size ?? 0,
      fileGroup,
    ),
    articles: new ShardedTable<ManifestArticle>(
      root,
      manifest?.articles.shards,
      manifest?.articles.size ?? 0,
    ),
  }
}

export { fingerprint }

/** The build `current` points at, if there is one. */
export async function currentBuild(root: string): Promise<Build | undefined> {
  return openBuild(root, await readLink(sitePaths(root).current))
}

/** The manifest a link target (`builds/<id>.json`) names, if it can be read. */
export async function readBuild(
  root: string,
  target: string | undefined,
): Promise<SiteManifest | undefined> {
  if (!target) return undefined
  try {
    const manifest = JSON.parse(await fs.readFile(path.resolve(root, target), 'utf8'))
    return manifest.version === 3 ? (manifest as SiteManifest) : undefined
  } catch {
    return undefined
  }
}

/** The build a link target names, its tables opened, if it can be read. */
export async function openBuild(
  root: string,
  target: string | undefined,
): Promise<Build | undefined> {
  const manifest = await readBuild(root, target)
  if (manifest) return { manifest, ...openTables(root, manifest) }
  return target ? openVersion2(root, target) : undefined
}

/**
 * A build made before manifests were sharded (version 2, one file), for serving, exporting and
 * cleaning up only: a publish over it is a full one.
 */
async function openVersion2(root: string, target: string): Promise<Build | undefined> {
  let old: { version?: number; files?: Record<string, ManifestFile>; buildId?: string }
  try {
    old = JSON.parse(await fs.readFile(path.resolve(root, target), 'utf8'))
  } catch {
    return undefined
  }
  if (old.version !== 2 || !old.files) return undefined
  const tables = openTables(root, undefined)
  for (const [file, entry] of Object.entries(old.files)) await tables.files.set(file, entry)
  const manifest = { version: 2, buildId: old.buildId } as unknown as SiteManifest
  return { manifest, ...tables }
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

/**
 * The site paths whose file differs between two builds (new, changed or gone), reading only the
 * shards in which they differ.
 */
export async function changedFiles(
  before: Build | undefined,
  after: Build | undefined,
): Promise<string[]> {
  const shardsOf = (b: Build | undefined) =>
    b?.manifest.version === 3 ? b.manifest.files.shards : undefined
  const [a, b] = [shardsOf(before), shardsOf(after)]
  const changed: string[] = []
  const entries = async (build: Build | undefined, index: number) =>
    build ? await build.files.shard(index) : new Map<string, ManifestFile>()
  for (let index = 0; index < SHARDS; index++) {
    if (a && b && a[index] === b[index]) continue
    const [x, y] = [await entries(before, index), await entries(after, index)]
    for (const path of new Set([...x.keys(), ...y.keys()])) {
      if (x.get(path)?.object !== y.get(path)?.object) changed.push(path)
    }
  }
  return changed.sort()
}
