import path from 'node:path'

import type { Payload } from 'payload'

import { readEnv, ROOT_DIR, siteDir, siteUrl } from '../config/env'
import { fingerprintFiles } from '../config/fingerprint'
import { publishSite as publish, type PublishReport } from './publishSite'

/** Everything the pages are rendered by: when any of it changes, every page is rendered anew. */
const rendererVersion = () =>
  fingerprintFiles(
    ROOT_DIR,
    [
      'src/site',
      'src/markdown',
      'src/references',
      'src/publish',
      'src/content',
      'package-lock.json',
    ],
    (file) => /\.test\.tsx?$/.test(file),
  )

/**
 * Publishes to SITE_DIR (or `out`) for SITE_URL: what `npm start`, `npm run publish` and the
 * publish job run.
 */
export async function publishConfiguredSite(
  payload: Payload,
  out?: string,
): Promise<PublishReport> {
  const env = readEnv()
  return publish(payload, {
    root: out ? path.resolve(out) : siteDir(env),
    baseUrl: siteUrl(env),
    rendererVersion: rendererVersion(),
  })
}

/** A publish report in a few lines for a terminal. */
export function describePublish(report: PublishReport): string {
  const lines = [
    `Published ${report.articles.length} article(s) to ${report.dir} in ${report.durationMs} ms: ` +
      `${report.rendered.length} file(s) rendered, ${report.reused.length} unchanged.`,
  ]
  for (const r of report.refused) lines.push(`  refused ${r.slug}: ${r.reason}`)
  for (const w of report.warnings) lines.push(`  warning ${w}`)
  return lines.join('\n')
}
