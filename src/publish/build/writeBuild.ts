import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { BUILDS, readLink, sitePaths, swapLink } from './layout'
import { currentBuild, type Manifest } from './manifest'
import { prune } from './rollback'
import { buildSearchIndex, searchIndexChanged } from './searchIndex'

/** One file of a build: where it goes, what it is made from, and how to make it. */
export interface PlannedFile {
  /** Site-relative, without a leading slash: `articles/x/index.html`. */
  path: string
  /** A fingerprint of everything the file is made from: equal inputs make an equal file. */
  input: string
  render: () => string | Buffer | Promise<string | Buffer>
  /** The search index covers this file. */
  searchable?: boolean
  /** The article this file belongs to, so a refused article's pages can be carried over. */
  article?: string
}

export interface BuildResult {
  buildId: string
  dir: string
  rendered: string[]
  reused: string[]
  manifest: Manifest
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true })
  try {
    await fs.link(from, to)
  } catch {
    await fs.copyFile(from, to)
  }
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
  const files: string[] = []
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await listFiles(full, base)))
    else files.push(path.relative(base, full))
  }
  return files
}

/**
 * Writes a complete build into a staging folder, reusing (hard-linking) every file of the current
 * build whose input fingerprint is unchanged and rendering the rest; indexes it for search when
 * any searchable file changed; then swaps `current` to it in one rename. If anything fails the
 * staging folder is removed and the site stays exactly as it was. The build it replaced stays as
 * `previous`, for rollback; older builds are removed. Call it under the lock (`withLock`).
 */
export async function writeBuild(
  root: string,
  files: PlannedFile[],
  articles: Record<string, unknown>,
): Promise<BuildResult> {
  const paths = sitePaths(root)
  const previous = await currentBuild(root)
  const buildId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`
  const staging = path.join(paths.builds, `${buildId}.staging`)
  await fs.mkdir(staging, { recursive: true })
  const manifest: Manifest = {
    version: 1,
    buildId,
    createdAt: new Date().toISOString(),
    files: {},
    articles,
  }
  const rendered: string[] = []
  const reused: string[] = []
  try {
    let renderedSearchable = false
    for (const file of files) {
      const target = path.join(staging, file.path)
      const before = previous?.manifest.files[file.path]
      if (before && before.input === file.input) {
        await linkOrCopy(path.join(previous.dir, file.path), target)
        reused.push(file.path)
        manifest.files[file.path] = before
        continue
      }
      const content = await file.render()
      await fs.mkdir(path.dirname(target), { recursive: true })
      await fs.writeFile(target, content)
      rendered.push(file.path)
      if (file.searchable) renderedSearchable = true
      manifest.files[file.path] = {
        input: file.input,
        sha256: createHash('sha256').update(content).digest('hex'),
        searchable: file.searchable,
        article: file.article,
      }
    }

    const index = path.join(staging, 'pagefind')
    if (previous && !searchIndexChanged(previous.manifest, manifest, renderedSearchable)) {
      for (const file of await listFiles(path.join(previous.dir, 'pagefind'))) {
        await linkOrCopy(path.join(previous.dir, 'pagefind', file), path.join(index, file))
      }
    } else {
      await buildSearchIndex(staging, index)
      rendered.push('pagefind/')
    }

    await fs.writeFile(paths.manifest(buildId), JSON.stringify(manifest, null, 2))
    const dir = path.join(paths.builds, buildId)
    await fs.rename(staging, dir)
    const oldTarget = await readLink(paths.current)
    await swapLink(paths.current, path.join(BUILDS, buildId))
    if (oldTarget) await swapLink(paths.previous, oldTarget)
    await prune(root)
    return { buildId, dir, rendered, reused, manifest }
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true })
    await fs.rm(paths.manifest(buildId), { force: true })
    throw error
  }
}
