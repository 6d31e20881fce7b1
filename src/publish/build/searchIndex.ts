import * as pagefind from 'pagefind'

import type { Manifest } from './manifest'

/** The searchable pages of a build, as one comparable string. */
const searchablePages = (manifest: Manifest) =>
  Object.entries(manifest.files)
    .filter(([, f]) => f.searchable)
    .map(([p]) => p)
    .sort()
    .join('\n')

/**
 * Whether a build needs a new search index: a searchable page was rendered anew, or a
 * searchable page was added or removed since the previous build (or there is none).
 */
export function searchIndexChanged(
  previous: Manifest | undefined,
  next: Manifest,
  renderedSearchable: boolean,
): boolean {
  if (!previous || renderedSearchable) return true
  return searchablePages(previous) !== searchablePages(next)
}

/** Indexes the HTML under `siteDir` with Pagefind and writes the index to `outputPath`. */
export async function buildSearchIndex(siteDir: string, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
  try {
    if (!index) throw new Error(`search index: ${errors.join('; ')}`)
    const added = await index.addDirectory({ path: siteDir })
    if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`)
  } finally {
    await pagefind.close()
  }
}
