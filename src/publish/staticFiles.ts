import fs from 'node:fs/promises'
import path from 'node:path'

import { type Build, openBuild, readObject, sitePaths } from './build'
import { readLink } from './build/layout'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

export interface StaticFile {
  status: 200 | 404
  body: Buffer
  contentType: string
}

/** The content type the site's files are served with, by extension. */
export function contentTypeOf(file: string): string {
  if (file.endsWith('.atom') || file.endsWith('feed.xml'))
    return 'application/atom+xml; charset=utf-8'
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

let cached: { root: string; target: string; build: Build } | undefined

/**
 * The live build, opened again only when `current` points elsewhere; a request loads only the
 * shard of the file table that holds its path.
 */
async function liveBuild(root: string): Promise<Build | undefined> {
  const target = await readLink(sitePaths(root).current)
  if (!target) return undefined
  if (cached?.root === root && cached.target === target) return cached.build
  const build = await openBuild(root, target)
  if (build) cached = { root, target, build }
  return build
}

/** The site path a URL path names (`/a/` is `a/index.html`), or undefined when it names none. */
export function sitePathOf(urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const normal = path.posix.normalize('/' + decoded).replace(/^\/+/, '')
  return normal === '' || normal.endsWith('/') ? `${normal}index.html` : normal
}

/**
 * Resolves a URL path to a file of the live build in the site folder `root`: `/a/` and `/a`
 * serve `a/index.html`; anything else the build does not hold is its 404 page (status 404).
 * `null` when nothing has been published yet.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const build = await liveBuild(root)
  if (!build) return null
  const sitePath = sitePathOf(urlPath)
  const candidates = sitePath
    ? sitePath.endsWith('index.html')
      ? [sitePath]
      : [sitePath, `${sitePath}/index.html`]
    : []
  for (const candidate of candidates) {
    const file = await build.files.get(candidate)
    if (!file) continue
    return {
      status: 200,
      body: await readObject(root, file.object),
      contentType: contentTypeOf(candidate),
    }
  }
  const notFound = await build.files.get('404.html')
  const body = notFound ? await readObject(root, notFound.object) : Buffer.from('Not found')
  return { status: 404, body, contentType: 'text/html; charset=utf-8' }
}

/**
 * A file under a plain folder (an installed package's assets) by URL path; anything that escapes
 * the folder or does not exist is null.
 */
export async function readFolderFile(dir: string, urlPath: string): Promise<StaticFile | null> {
  const sitePath = sitePathOf(urlPath)
  if (!sitePath) return null
  const file = path.join(dir, sitePath)
  if (!file.startsWith(path.resolve(dir) + path.sep)) return null
  try {
    return { status: 200, body: await fs.readFile(file), contentType: contentTypeOf(file) }
  } catch {
    return null
  }
}

/** A file of the live build by its site path (`articles/x/index.html`), or undefined. */
export async function readSiteFile(root: string, sitePath: string): Promise<string | undefined> {
  const file = await (await liveBuild(root))?.files.get(sitePath.replace(/^\//, ''))
  return file ? (await readObject(root, file.object)).toString('utf8') : undefined
}
