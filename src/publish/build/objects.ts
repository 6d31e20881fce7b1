import fs from 'node:fs/promises'
import path from 'node:path'

import { sha256 } from '../../config/fingerprint'
import { sitePaths, writeAtomically } from './layout'

export { sha256 }

/**
 * Keeps `content` as an object of the site folder and returns its name (its SHA-256, which the
 * caller may give when it has it already).
 */
export async function putObject(
  root: string,
  content: string | Buffer,
  name: string = sha256(content),
): Promise<string> {
  const file = sitePaths(root).object(name)
  // Written (again) whatever is there: the same name holds the same bytes, and a rename is atomic.
  try {
    await writeAtomically(file, content)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await fs.mkdir(path.dirname(file), { recursive: true })
    await writeAtomically(file, content)
  }
  return name
}

/** An object's bytes. */
export function readObject(root: string, name: string): Promise<Buffer> {
  return fs.readFile(sitePaths(root).object(name))
}
