import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { readLink, sitePaths } from './layout'

export interface ManifestFile {
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

/** Fingerprint of a file's inputs. */
export function fingerprint(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
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
