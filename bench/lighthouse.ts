import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'

const run = promisify(execFile)

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
