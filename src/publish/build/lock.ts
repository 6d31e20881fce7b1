import fs from 'node:fs/promises'
import path from 'node:path'

import { sitePaths } from './layout'

/** Refused because another publish is running on the same output folder. */
export class PublishBusyError extends Error {
  constructor(lockFile: string, pid: string) {
    super(`another publish (process ${pid}) is writing this site; lock file ${lockFile}`)
    this.name = 'PublishBusyError'
  }
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
