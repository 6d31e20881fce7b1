import fs from 'node:fs/promises'
import path from 'node:path'

import { readLink, sitePaths, swapLink } from './layout'
import { withLock } from './lock'

/** Removes builds that neither `current` nor `previous` points at. Call it under the lock. */
export async function prune(root: string): Promise<void> {
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

/**
 * Swaps `current` and `previous`: the site goes back to the build before the last publish. Takes
 * the publish lock, so that it never lands in the middle of a publish (whose prune would remove
 * the build it just made current).
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
    return { current: path.basename(previous), previous: path.basename(current) }
  })
}
