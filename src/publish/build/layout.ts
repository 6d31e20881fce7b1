import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

export const CURRENT = 'current'
export const PREVIOUS = 'previous'
export const BUILDS = 'builds'
export const OBJECTS = 'objects'

/**
 * The layout of a site folder. Every file of every build is an immutable object named by the
 * SHA-256 of its bytes (`objects/ab/abcdef…`); a build is a manifest (`builds/<id>.json`) mapping
 * each site path to an object; `current` and `previous` link to manifests. A publish writes the
 * objects it needs, then its manifest, then swaps `current`: readers (and a publisher killed at
 * any point) see one complete build or the other, and a publish writes only what changed.
 */
export function sitePaths(root: string) {
  return {
    root,
    current: path.join(root, CURRENT),
    previous: path.join(root, PREVIOUS),
    builds: path.join(root, BUILDS),
    objects: path.join(root, OBJECTS),
    /** The publish lock (an SQLite file, see `withLock`). */
    lock: path.join(root, '.publish-lock.sqlite'),
    /** Who holds the lock, for the messages of publishes waiting for it. */
    lockHolder: path.join(root, '.publish-lock.json'),
    manifest: (buildId: string) => path.join(root, BUILDS, `${buildId}.json`),
    object: (sha256: string) => path.join(root, OBJECTS, sha256.slice(0, 2), sha256),
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

/** Writes `content` to `file` atomically (a temporary file renamed into place). */
export async function writeAtomically(file: string, content: string | Buffer): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  await fs.writeFile(temp, content)
  await fs.rename(temp, file)
}
