import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { sitePaths, writeAtomically } from './layout'

/** SHA-256 of a file's bytes, lowercase hex: its object's name. */
export const sha256 = (content: string | Buffer): string =>
  createHash('sha256').update(content).digest('hex')

/**
 * Keeps `content` as an object of the site folder (once: an object with that name already holds
 * exactly these bytes) and returns its name.
 */
export async function putObject(root: string, content: string | Buffer): Promise<string> {
  const name = sha256(content)
  const file = sitePaths(root).object(name)
  try {
    await fs.access(file)
    return name
  } catch {
    // Not kept yet.
  }
  await fs.mkdir(path.dirname(file), { recursive: true })
  await writeAtomically(file, content)
  return name
}

/** An object's bytes. */
export function readObject(root: string, name: string): Promise<Buffer> {
  return fs.readFile(sitePaths(root).object(name))
}
