import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { type Client, createClient } from '@libsql/client'

import { sitePaths } from './layout'

/** How long a publish waits for the one before it, unless told otherwise. */
export const DEFAULT_LOCK_WAIT_MS = 5 * 60_000

export interface LockOptions {
  /** How long to wait for another publish of the same folder before giving up. */
  waitMs?: number
}

/** Who holds a folder's lock, as far as the waiting side can tell. */
interface Holder {
  pid: number
  /** When it took the lock (ms since the epoch). */
  since: number
}

/** Gave up waiting because another publish kept the same site folder's lock. */
export class PublishBusyError extends Error {
  constructor(
    readonly root: string,
    readonly holder: Holder | undefined,
    readonly waitedMs: number,
  ) {
    const seconds = (ms: number) => Math.round(ms / 1000)
    super(
      (holder
        ? `another publish of ${root} has held the lock for ${seconds(Date.now() - holder.since)} s (pid ${holder.pid})`
        : `another publish of ${root} holds the lock (its pid is not recorded yet)`) +
        `; gave up after waiting ${seconds(waitedMs)} s`,
    )
    this.name = 'PublishBusyError'
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Publishes of one folder in this process, in the order they asked. */
interface Queue {
  holder?: Holder
  waiting: (() => void)[]
}
const queues = new Map<string, Queue>()

async function takeInProcess(
  key: string,
  root: string,
  deadline: number,
  asked: number,
): Promise<() => void> {
  const queue = queues.get(key) ?? { waiting: [] }
  queues.set(key, queue)
  const release = () => {
    const next = queue.waiting.shift()
    // Handed straight to the next in line, so that a newcomer cannot slip in between.
    queue.holder = next ? { pid: process.pid, since: Date.now() } : undefined
    if (next) next()
    else queues.delete(key)
  }
  if (!queue.holder) {
    queue.holder = { pid: process.pid, since: Date.now() }
    return release
  }
  let grant!: () => void
  const granted = new Promise<void>((resolve) => (grant = resolve))
  queue.waiting.push(grant)
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))
  })
  await Promise.race([granted, expired])
  clearTimeout(timer)
  const place = queue.waiting.indexOf(grant)
  // Not in the queue any more: its turn came, even if the timer fired in the same tick.
  if (place === -1) return release
  queue.waiting.splice(place, 1)
  throw new PublishBusyError(root, queue.holder, Date.now() - asked)
}

const isBusy = (error: unknown) => (error as { code?: string })?.code === 'SQLITE_BUSY'

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    const holder = JSON.parse(await fs.readFile(file, 'utf8')) as Holder
    return Number.isInteger(holder.pid) && Number.isFinite(holder.since) ? holder : undefined
  } catch {
    return undefined
  }
}

/**
 * An exclusive SQLite transaction on the folder's lock file: SQLite holds it with an fcntl
 * (Windows: LockFileEx) lock, which the kernel drops when the process ends however it ends, so a
 * killed publish leaves nothing behind to judge or remove.
 */
async function takeAcrossProcesses(
  lockFile: string,
  holderFile: string,
  root: string,
  deadline: number,
  asked: number,
): Promise<() => Promise<void>> {
  const url = pathToFileURL(lockFile).href
  for (let delay = 25; ; delay = Math.min(delay * 1.5, 250)) {
    let client: Client | undefined
    try {
      client = createClient({ url })
      // libsql waits synchronously: a busy wait would stop this process's event loop.
      await client.execute('PRAGMA busy_timeout = 0')
      await client.execute('BEGIN EXCLUSIVE')
    } catch (error) {
      // A statement that failed busy stays active and keeps its connection's locks until it is
      // garbage-collected (libsql-js): closing the connection is what lets them go.
      client?.close()
      if (!isBusy(error)) throw error
      if (Date.now() >= deadline) {
        throw new PublishBusyError(root, await readHolder(holderFile), Date.now() - asked)
      }
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())))
      continue
    }
    const held = client
    const release = async () => {
      try {
        await held.execute('ROLLBACK')
      } finally {
        held.close()
      }
    }
    try {
      // For waiting publishes' messages only: the lock itself is the transaction above.
      const temp = `${holderFile}.${process.pid}.tmp`
      await fs.writeFile(temp, JSON.stringify({ pid: process.pid, since: Date.now() }))
      await fs.rename(temp, holderFile)
    } catch (error) {
      await release()
      throw error
    }
    return release
  }
}

/**
 * Runs `work` while holding the site folder's publish lock: one publish (or rollback) at a time
 * per folder, across processes and within this one. Publishes that find the lock taken queue (in
 * this process, in the order they asked) for up to `waitMs`, then fail with `PublishBusyError`.
 * The lock is the operating system's: it is released when `work` settles or its process dies,
 * even by SIGKILL, so there is never a stale lock to take over.
 *
 * Nothing else in this process may open the lock file (`sitePaths(root).lock`): closing any
 * descriptor of a file drops this process's fcntl locks on it.
 */
export async function withLock<T>(
  root: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const asked = Date.now()
  const deadline = asked + (options.waitMs ?? DEFAULT_LOCK_WAIT_MS)
  // Keyed synchronously, so that publishes take turns in the order they called (two spellings
  // of one folder still exclude each other: across processes, this one included).
  const releaseInProcess = await takeInProcess(path.resolve(root), root, deadline, asked)
  try {
    await fs.mkdir(root, { recursive: true })
    const paths = sitePaths(root)
    const release = await takeAcrossProcesses(paths.lock, paths.lockHolder, root, deadline, asked)
    try {
      return await work()
    } finally {
      await release()
    }
  } finally {
    releaseInProcess()
  }
}
