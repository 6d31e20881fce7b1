import fs from 'node:fs/promises'
import path from 'node:path'

import { readLink, sitePaths, swapLink } from './layout'
import { withLock } from './lock'
import { openBuild } from './manifest'

/** Manifests kept besides `current` and `previous`, before old ones and their objects go. */
const KEEP_BUILDS = 20

/**
 * Removes old builds and the objects only they used, once more than `KEEP_BUILDS` have piled up
 * (so most publishes touch nothing here, and a cleanup costs one pass over the objects). Call it
 * under the lock: `current` and `previous` are always kept, with every object they name.
 */
export async function prune(root: string): Promise<void> {
  const paths = sitePaths(root)
  const entries = (await fs.readdir(paths.builds).catch(() => [] as string[])).filter((e) =>
    e.endsWith('.json'),
  )
  if (entries.length <= KEEP_BUILDS + 2) return
  const live = new Set(
    (await Promise.all([readLink(paths.current), readLink(paths.previous)]))
      .filter((t): t is string => Boolean(t))
      .map((t) => path.basename(t)),
  )
  for (const entry of entries) {
    if (!live.has(entry)) await fs.rm(path.join(paths.builds, entry), { force: true })
  }
  const used = new Set<string>()
  for (const entry of live) {
    const build = await openBuild(root, path.join(paths.builds, entry))
    if (!build) continue
    const { manifest } = build
    if (manifest.version === 3) {
      for (const name of [...manifest.files.shards, ...manifest.articles.shards]) {
        if (name) used.add(name)
      }
      for (const list of [
        ...Object.values(manifest.lists.topics),
        ...Object.values(manifest.lists.sitemaps),
      ]) {
        used.add(list.members)
      }
      for (const { search } of Object.values(manifest.search.changed)) used.add(search)
    }
    for await (const [, file] of build.files.entries()) used.add(file.object)
    for await (const [, article] of build.articles.entries()) used.add(article.search)
  }
  for (const dir of await fs.readdir(paths.objects).catch(() => [] as string[])) {
    for (const name of await fs.readdir(path.join(paths.objects, dir))) {
      // A temporary file left by a publish that was killed, or an object nothing uses.
      if (!used.has(name)) await fs.rm(path.join(paths.objects, dir, name), { force: true })
    }
  }
}

/**
 * Swaps `current` and `previous`: the site goes back to the build before the last publish. Takes
 * the publish lock, so that it never lands in the middle of a publish.
 */
export function rollback(root: string): Promise<{ current: string; previous: string }> {
  return withLock(root, async () => {
    const paths = sitePaths(root)
    const [current, previous] = await Promise.all([
      readLink(paths.current),
      readLink(paths.previous),
    ])
    if (!current || !previous)
      throw new Error(`nothing to roll back to in ${root}: there is no previous build`)
    await swapLink(paths.current, previous)
    await swapLink(paths.previous, current)
    return {
      current: path.basename(previous, '.json'),
      previous: path.basename(current, '.json'),
    }
  })
}
