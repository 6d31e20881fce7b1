import fs from 'node:fs/promises'
import path from 'node:path'

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
  '.wasm': 'application/wasm',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
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

/**
 * Resolves a URL path to a file under `root`: `/a/` and `/a` serve `a/index.html`; anything that
 * escapes `root` or does not exist is the site's 404 page (status 404). `null` when there is no
 * site at all yet.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let realRoot: string
  try {
    realRoot = await fs.realpath(root)
  } catch {
    return null
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    decoded = ''
  }
  const candidates: string[] = []
  if (decoded && !decoded.includes('\0')) {
    const target = path.resolve(realRoot, '.' + path.posix.normalize('/' + decoded))
    if (target === realRoot || target.startsWith(realRoot + path.sep)) {
      candidates.push(target, path.join(target, 'index.html'))
    }
  }
  for (const file of candidates) {
    try {
      const stat = await fs.stat(file)
      if (!stat.isFile()) continue
      return { status: 200, body: await fs.readFile(file), contentType: contentTypeOf(file) }
    } catch {
      // Not this candidate: try the next one.
    }
  }
  const notFound = path.join(realRoot, '404.html')
  const body = await fs.readFile(notFound).catch(() => Buffer.from('Not found'))
  return { status: 404, body, contentType: 'text/html; charset=utf-8' }
}
