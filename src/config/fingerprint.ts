import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * SHA-256 over the named files and folders under `root`: every file's relative path and content,
 * in sorted order, so it changes exactly when one of them does. Paths that do not exist are
 * ignored; `skip` leaves files out by their relative path.
 */
export function fingerprintFiles(
  root: string,
  paths: readonly string[],
  skip: (relativePath: string) => boolean = () => false,
): string {
  const hash = createHash('sha256')
  const visit = (rel: string) => {
    const abs = path.join(root, rel)
    const stat = fs.statSync(abs, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name))
    } else if (!skip(rel)) {
      hash.update(rel).update('\0').update(fs.readFileSync(abs)).update('\0')
    }
  }
  paths.forEach(visit)
  return hash.digest('hex')
}

/** SHA-256 of bytes or text, lowercase hex. */
export const sha256 = (content: string | Buffer): string =>
  createHash('sha256').update(content).digest('hex')

/** A fingerprint of JSON-like inputs: equal inputs, an equal fingerprint. */
export function fingerprint(...parts: unknown[]): string {
  return sha256(JSON.stringify(parts))
}
