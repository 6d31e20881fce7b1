import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'

const run = promisify(execFile)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/**
 * Serves an exported site folder on loopback as a static host would (folder/index.html, the
 * site's 404 page), for Lighthouse. Resolves to its address and a function that stops it.
 */
export async function serveFolder(
  dir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname)
    if (!file.startsWith(dir)) return void res.writeHead(400).end()
    const body = await fs.readFile(file).catch(() => undefined)
    if (!body) {
      res.writeHead(404, { 'content-type': TYPES['.html']! })
      return void res.end(await fs.readFile(path.join(dir, '404.html')).catch(() => ''))
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=3600',
    })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export interface LighthouseScores {
  performance: number
  accessibility: number
  'best-practices': number
  seo: number
  /** Audits that did not score full marks, by id, with their titles. */
  failed: { id: string; title: string; score: number }[]
}

/** Lighthouse (the npm package) in Debian's Chromium, headless, on one page: scores out of 100. */
export async function lighthouse(url: string): Promise<LighthouseScores> {
  const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'mrp-lh-')), 'report.json')
  await run(
    path.resolve('node_modules', '.bin', 'lighthouse'),
    [
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      '--only-categories=performance,accessibility,best-practices,seo',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } },
  )
  const report = JSON.parse(await fs.readFile(out, 'utf8'))
  await fs.rm(path.dirname(out), { recursive: true, force: true })
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100)
  const audits = Object.values(report.audits) as {
    id: string
    title: string
    score: number | null
    scoreDisplayMode: string
  }[]
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    failed: audits
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .map((a) => ({ id: a.id, title: a.title, score: a.score! })),
  }
}
