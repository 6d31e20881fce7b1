import fs from 'node:fs/promises'
import path from 'node:path'

import { sitePaths } from './layout'
import { currentBuild } from './manifest'

/**
 * Writes the live build as a plain folder of files (`articles/x/index.html`, …) into `dir`, for a
 * static host or a CDN that serves files by path. `dir` is made anew. Hard links to the objects
 * where the file system allows, copies elsewhere. Returns how many files were written.
 */
export async function exportSite(root: string, dir: string): Promise<number> {
  const build = await currentBuild(root)
  if (!build) throw new Error(`nothing to export from ${root}: nothing has been published`)
  const target = path.resolve(dir)
  await fs.rm(target, { recursive: true, force: true })
  const paths = sitePaths(root)
  let written = 0
  const made = new Set<string>()
  for await (const [file, { object }] of build.files.entries()) {
    const to = path.join(target, file)
    const dir = path.dirname(to)
    if (!made.has(dir)) {
      await fs.mkdir(dir, { recursive: true })
      made.add(dir)
    }
    await fs.link(paths.object(object), to).catch(() => fs.copyFile(paths.object(object), to))
    written++
  }
  return written
}
