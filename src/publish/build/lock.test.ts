import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { PublishBusyError, withLock } from './lock'

const SCRIPT = fileURLToPath(new URL('./testing/lockProcess.ts', import.meta.url))

let root: string
let log: string
const children = new Set<ChildProcess>()

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'publish-lock-'))
  log = path.join(root, 'log')
  await fs.writeFile(log, '')
})
afterEach(async () => {
  for (const child of children) child.kill('SIGKILL')
  children.clear()
  await fs.rm(root, { recursive: true, force: true })
})

interface Holder {
  child: ChildProcess
  /** Resolves with the first message that has `key`. */
  next(key: 'ready' | 'held' | 'done' | 'failed'): Promise<unknown>
  exited: Promise<number | null>
}

/** A forked process that takes the lock when told `go` and holds it for `hold` ms. */
async function lockProcess(id: string, hold: number | 'forever'): Promise<Holder> {
  const child = fork(SCRIPT, [root, log, id, String(hold)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  children.add(child)
  const messages: Record<string, unknown>[] = []
  const waiters: (() => void)[] = []
  child.on('message', (m) => {
    messages.push(m as Record<string, unknown>)
    waiters.splice(0).forEach((w) => w())
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const next = (key: string) =>
    new Promise<unknown>((resolve, reject) => {
      const check = () => {
        const found = messages.find((m) => key in m)
        if (found) return resolve(found[key])
        if (key !== 'failed' && messages.some((m) => 'failed' in m))
          return reject(new Error(`${id} failed: ${messages.find((m) => 'failed' in m)!.failed}`))
        waiters.push(check)
      }
      check()
      void exited.then(() => setImmediate(() => reject(new Error(`${id} exited before ${key}`))))
    })
  await next('ready')
  return { child, next, exited }
}

async function killed(holder: Holder): Promise<void> {
  holder.child.kill('SIGKILL')
  await holder.exited
}

/** The log's lines as [id, event]. */
const events = async () =>
  (await fs.readFile(log, 'utf8'))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ').slice(0, 2) as [string, string])

// Each test starts real processes (a second or so each under tsx).
describe('the publish lock', { timeout: 30_000 }, () => {
  it('is free for the next publish once its holder is killed with SIGKILL', async () => {
    const holder = await lockProcess('holder', 'forever')
    holder.child.send('go')
    await holder.next('held')
    await killed(holder)

    const next = await lockProcess('next', 10)
    const started = Date.now()
    next.child.send('go')
    await next.next('done')
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(await events()).toEqual([
      ['holder', 'enter'],
      ['next', 'enter'],
      ['next', 'exit'],
    ])
  })

  it('lets processes racing for a lock left by a killed holder in one at a time', async () => {
    const holder = await lockProcess('holder', 'forever')
    holder.child.send('go')
    await holder.next('held')
    await killed(holder)

    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => lockProcess(`racer${i}`, 30)),
    )
    // All told at once, so that they find the killed holder's lock together.
    for (const racer of racers) racer.child.send('go')
    const outcomes = await Promise.allSettled(racers.map((r) => r.next('done')))

    const entries = (await events()).slice(1)
    for (let i = 0; i < entries.length; i += 2) {
      expect(entries[i], `line ${i + 2}: ${entries.map((e) => e.join(' ')).join(', ')}`).toEqual([
        entries[i][0],
        'enter',
      ])
      expect(
        entries[i + 1],
        `line ${i + 3}: someone entered while ${entries[i][0]} held the lock`,
      ).toEqual([entries[i][0], 'exit'])
    }
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([])
    expect(
      entries
        .filter(([, e]) => e === 'enter')
        .map(([id]) => id)
        .sort(),
    ).toEqual(racers.map((_, i) => `racer${i}`))
  })

  it('queues two publishes in one process, in the order they asked', async () => {
    const order: string[] = []
    const publish = (name: string) =>
      withLock(root, async () => {
        order.push(`${name} enter`)
        await new Promise((resolve) => setTimeout(resolve, 30))
        order.push(`${name} exit`)
        return name
      })
    expect(await Promise.all([publish('first'), publish('second')])).toEqual(['first', 'second'])
    expect(order).toEqual(['first enter', 'first exit', 'second enter', 'second exit'])
  })

  it('gives up after waitMs, saying whose lock it waited for and for how long', async () => {
    const holder = await lockProcess('holder', 'forever')
    holder.child.send('go')
    const pid = await holder.next('held')
    let ran = false
    const waiting = withLock(root, async () => void (ran = true), { waitMs: 300 })
    await expect(waiting).rejects.toThrow(PublishBusyError)
    await expect(waiting).rejects.toThrow(
      new RegExp(
        `^another publish of ${root} has held the lock for \\d+ s \\(pid ${pid}\\); gave up after waiting 0 s$`,
      ),
    )
    expect(ran).toBe(false)
    await killed(holder)
    expect(await withLock(root, async () => 'free again')).toBe('free again')
  })

  it('keeps the queue going when a publish in this process gives up waiting', async () => {
    let releaseFirst!: () => void
    const first = withLock(root, () => new Promise<void>((resolve) => (releaseFirst = resolve)))
    const impatient = withLock(root, async () => 'impatient', { waitMs: 50 })
    const patient = withLock(root, async () => 'patient')
    await expect(impatient).rejects.toThrow(
      new RegExp(`has held the lock for 0 s \\(pid ${process.pid}\\); gave up after waiting 0 s`),
    )
    releaseFirst()
    await first
    expect(await patient).toBe('patient')
  })

  it('is released when the work throws', async () => {
    await expect(
      withLock(root, async () => {
        throw new Error('the build failed')
      }),
    ).rejects.toThrow('the build failed')
    const next = await lockProcess('next', 0)
    next.child.send('go')
    await next.next('done')
  })
})
