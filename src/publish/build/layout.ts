import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

export const CURRENT = 'current'
export const PREVIOUS = 'previous'
export const BUILDS = 'builds'

/** The layout of a site folder: `current` and `previous` link to builds under `builds/`. */
export function sitePaths(root: string) {
  return {
    current: path.join(root, CURRENT),
    previous: path.join(root, PREVIOUS),
    builds: path.join(root, BUILDS),
    /** The publish lock (an SQLite file, see `withLock`). */
    lock: path.join(root, '.publish-lock.sqlite'),
    /** Who holds the lock, for the messages of publishes waiting for it. */
    lockHolder: path.join(root, '.publish-lock.json'),
    manifest: (buildId: string) => path.join(root, BUILDS, `${buildId}.manifest.json`),
  }
}

/** Where a symbolic link points, or undefined when there is no link. */
export async function readLink(link: string): Promise<string | undefined> {
  try {
    return await fs.readlink(link)
  } catch {
    return undefined
  }
}

/** Points `link` at `target` atomically: readers see the old target or the new, never neither. */
export async function swapLink(link: string, target: string): Promise<void> {
  const temp = `${link}.${randomBytes(4).toString('hex')}.tmp`
  await fs.symlink(target, temp)
  await fs.rename(temp, link)
}
