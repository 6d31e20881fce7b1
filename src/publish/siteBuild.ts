import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import * as pagefind from 'pagefind'

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

interface ManifestFile {
  input: string
  sha256: string
  searchable?: boolean
  article?: string
}

/** What a build was made from: the next build reuses every file whose input is unchanged. */
export interface Manifest {
  version: 1
  buildId: string
  createdAt: string
  files: Record<string, ManifestFile>
  /** Per article slug, whatever lists need to keep showing it when it is carried over. */
  articles: Record<string, unknown>
}

export interface BuildResult {
  buildId: string
  dir: string
  rendered: string[]
  reused: string[]
  manifest: Manifest
}

/** Refused because another publish is running on the same output folder. */
export class PublishBusyError extends Error {
  constructor(lockFile: string, pid: string) {
    super(`another publish (process ${pid}) is writing this site; lock file ${lockFile}`)
    this.name = 'PublishBusyError'
  }
}

/** Fingerprint of a file's inputs. */
export function fingerprint(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

const CURRENT = 'current'
const PREVIOUS = 'previous'
const BUILDS = 'builds'

/** The layout of a site folder: `current` and `previous` link to builds under `builds/`. */
export function sitePaths(root: string) {
  return {
    current: path.join(root, CURRENT),
    previous: path.join(root, PREVIOUS),
    builds: path.join(root, BUILDS),
    lock: path.join(root, '.publish.lock'),
    manifest: (buildId: string) => path.join(root, BUILDS, `${buildId}.manifest.json`),
  }
}

async function readLink(link: string): Promise<string | undefined> {
  try {
    return await fs.readlink(link)
  } catch {
    return undefined
  }
}

/** The build `current` points at, with its manifest, if there is one. */
export async function currentBuild(
  root: string,
): Promise<{ dir: string; manifest: Manifest } | undefined> {
  const paths = sitePaths(root)
  const target = await readLink(paths.current)
  if (!target) return undefined
  const buildId = path.basename(target)
  try {
    const manifest = JSON.parse(await fs.readFile(paths.manifest(buildId), 'utf8')) as Manifest
    return { dir: path.resolve(root, target), manifest }
  } catch {
    return undefined
  }
}

/** Points `link` at `target` atomically: readers see the old target or the new, never neither. */
async function swapLink(link: string, target: string): Promise<void> {
  const temp = `${link}.${randomBytes(4).toString('hex')}.tmp`
  await fs.symlink(target, temp)
  await fs.rename(temp, link)
}

const publishing = new Set<string>()

/**
 * Holds the output folder's lock while `work` runs: one publish at a time per folder, in this
 * process and across processes. A lock file left by a dead process is taken over.
 */
export async function withLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const { lock } = sitePaths(root)
  const key = path.resolve(root)
  if (publishing.has(key)) throw new PublishBusyError(lock, String(process.pid))
  publishing.add(key)
  try {
    return await lockedAcrossProcesses(lock, root, work)
  } finally {
    publishing.delete(key)
  }
}

async function lockedAcrossProcesses<T>(
  lock: string,
  root: string,
  work: () => Promise<T>,
): Promise<T> {
  await fs.mkdir(root, { recursive: true })
  for (;;) {
    try {
      await fs.writeFile(lock, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = (await fs.readFile(lock, 'utf8').catch(() => '')).trim()
      let alive = false
      try {
        alive = Boolean(pid) && process.kill(Number(pid), 0)
      } catch {
        alive = false
      }
      // This process holds no lock on this folder (checked above): its own pid here is stale.
      if (alive && Number(pid) !== process.pid) throw new PublishBusyError(lock, pid)
      await fs.rm(lock, { force: true })
    }
  }
  try {
    return await work()
  } finally {
    await fs.rm(lock, { force: true })
  }
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
 * `previous`, for rollback; older builds are removed.
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
    let searchChanged = !previous
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
      if (file.searchable) searchChanged = true
      manifest.files[file.path] = {
        input: file.input,
        sha256: createHash('sha256').update(content).digest('hex'),
        searchable: file.searchable,
        article: file.article,
      }
    }
    const searchable = (m: Manifest) =>
      Object.entries(m.files)
        .filter(([, f]) => f.searchable)
        .map(([p]) => p)
        .sort()
        .join('\n')
    // A searchable page removed since the last build changes the index too.
    if (previous && searchable(previous.manifest) !== searchable(manifest)) searchChanged = true

    const index = path.join(staging, 'pagefind')
    if (!searchChanged && previous) {
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

async function buildSearchIndex(siteDir: string, outputPath: string): Promise<void> {
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

/** Removes builds that neither `current` nor `previous` points at. */
async function prune(root: string): Promise<void> {
  const paths = sitePaths(root)
  const keep = new Set(
    (await Promise.all([readLink(paths.current), readLink(paths.previous)]))
      .filter((t): t is string => Boolean(t))
      .map((t) => path.basename(t)),
  )
  for (const entry of await fs.readdir(paths.builds)) {
    const id = entry.replace(/\.manifest\.json$/, '')
    // Under the lock, a leftover staging folder is from a publish that crashed.
    if (keep.has(id)) continue
    await fs.rm(path.join(paths.builds, entry), { recursive: true, force: true })
  }
}

/** Swaps `current` and `previous`: the site goes back to the build before the last publish. */
export async function rollback(root: string): Promise<{ current: string; previous: string }> {
  const paths = sitePaths(root)
  const [current, previous] = await Promise.all([readLink(paths.current), readLink(paths.previous)])
  if (!current || !previous)
    throw new Error(`nothing to roll back to in ${root}: there is no previous build`)
  await swapLink(paths.current, previous)
  await swapLink(paths.previous, current)
  return { current: path.basename(previous), previous: path.basename(current) }
}
