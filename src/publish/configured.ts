import path from 'node:path'

import type { Payload } from 'payload'

import { readEnv, ROOT_DIR, siteDir, siteUrl } from '../config/env'
import { publishSite as publish, type PublishReport } from './publishSite'
import { DOCUMENT_ENTRY_POINTS, rendererInputs } from './rendererVersion'

let versions: Promise<{ pages: string; documents: string }> | undefined

/**
 * Everything the pages are rendered by, and everything an article's documents are rendered by
 * (see `rendererInputs`), computed once per process: when the first changes, every page is made
 * anew; when the second changes, every article's Markdown is rendered anew.
 */
export function configuredRendererVersions(): Promise<{ pages: string; documents: string }> {
  if (!versions) {
    versions = Promise.all([
      rendererInputs({ root: ROOT_DIR }),
      rendererInputs({ root: ROOT_DIR, entryPoints: DOCUMENT_ENTRY_POINTS }),
    ]).then(([pages, documents]) => ({ pages: pages.version, documents: documents.version }))
    // A failure is not kept: the next publish tries again.
    versions.catch(() => (versions = undefined))
  }
  return versions
}

/**
 * Publishes to SITE_DIR (or `out`) for SITE_URL: what `npm start`, `npm run publish` and the
 * publish job run.
 */
export async function publishConfiguredSite(
  payload: Payload,
  out?: string,
  options: { full?: boolean; verify?: boolean } = {},
): Promise<PublishReport> {
  const env = readEnv()
  return publish(payload, {
    root: out ? path.resolve(out) : siteDir(env),
    baseUrl: siteUrl(env),
    full: options.full,
    verify: options.verify,
    ...(await configuredRendererVersions().then((v) => ({
      rendererVersion: v.pages,
      documentsVersion: v.documents,
    }))),
  })
}

/** Where a publish's time went, in one line: `start 12 ms, articles 80 ms, ...`. */
export const describePhases = (report: Pick<PublishReport, 'phases'>): string =>
  Object.entries(report.phases)
    .map(([phase, ms]) => `${phase} ${ms} ms`)
    .join(', ')

/** A publish report in a few lines for a terminal. */
export function describePublish(report: PublishReport): string {
  const lines = [
    `Published ${report.articles} article(s) to ${report.dir} in ${report.durationMs} ms: ` +
      `${report.rendered.length} file(s) made, ${report.reused} unchanged` +
      (report.full ? ' (a full publish)' : '') +
      `; ${report.renderedDocuments} article(s) rendered from Markdown; ` +
      `${report.manifest.shardsRead} manifest shard(s) read, ${report.manifest.shardsWritten} written.`,
    `  ${describePhases(report)}`,
  ]
  for (const r of report.refused) lines.push(`  refused ${r.slug}: ${r.reason}`)
  for (const w of report.warnings) lines.push(`  warning ${w}`)
  return lines.join('\n')
}
