import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { RenderTaskKind, RenderTasks } from './tasks'

/** Why a render did not produce its output. */
export type RenderFailure = 'timeout' | 'memory' | 'failed' | 'closed'

/**
 * A render that did not finish within its budget (`timeout`, `memory`), threw (`failed`: a bug or
 * input the pipeline cannot take), or was cut short by `close()`. The worker that ran out of
 * budget is replaced; nothing else waits on it.
 */
export class RenderError extends Error {
  constructor(
    readonly failure: RenderFailure,
    message: string,
  ) {
    super(message)
    this.name = 'RenderError'
  }
}

export interface RenderPoolOptions {
  /** Worker threads; default the number of cores, at most 4. */
  size?: number
  /** Wall-clock budget of one task, in milliseconds; default 10 000. */
  timeoutMs?: number
  /** Heap budget of one worker, in MiB; default 512. */
  memoryMb?: number
  /**
   * Where each worker writes a V8 CPU profile when it ends (`--cpu-prof`), for finding where a
   * render's time goes; default none.
   */
  profileDir?: string
  /** The repository root, where src/render lives; default the working directory. */
  root?: string
}

interface Job {
  id: number
  kind: RenderTaskKind
  input: unknown
  resolve: (output: unknown) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  /** The worker has loaded the pipeline; until then it takes no task. */
  ready: boolean
  job?: Job
  timer?: NodeJS.Timeout
}

export interface RenderPool {
  run<K extends RenderTaskKind>(
    kind: K,
    input: RenderTasks[K]['input'],
  ): Promise<RenderTasks[K]['output']>
  /** Starts every worker now (a worker takes a second or two to load); resolves once all are. */
  warm(): Promise<void>
  /** Ends every worker; pending and queued tasks fail with `closed`. */
  close(): Promise<void>
  readonly size: number
}

/**
 * A pool of worker threads that run the render tasks (src/render/tasks.ts), one task per worker
 * at a time, first come first served. A task gets a time and a memory budget: past either, its
 * worker is terminated and replaced and the task fails with a RenderError, so no document,
 * however pathological, can block the thread that asked, or the next task. Workers do not keep
 * the process alive while idle.
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const size = Math.max(1, options.size ?? Math.min(4, os.availableParallelism()))
  const timeoutMs = options.timeoutMs ?? 10_000
  const memoryMb = options.memoryMb ?? 512
  const root = options.root ?? process.cwd()
  // A command compiled by scripts/run.mjs names the worker compiled with it, which Node loads as
  // it is; otherwise the worker's sources load through tsx (boot.mjs).
  const compiled = process.env.RENDER_WORKER_MODULE
  const boot = compiled ? new URL(compiled) : path.join(root, 'src', 'render', 'boot.mjs')
  const entry = pathToFileURL(path.join(root, 'src', 'render', 'worker.ts')).href
  const slots: Slot[] = []
  const queue: Job[] = []
  let nextId = 1
  let closed = false

  const spawn = (): Slot => {
    // Constructed by reflection: a bundler that sees `new Worker(path)` (Next's Turbopack does)
    // bundles the worker into the server build, and the worker must load the sources as they are.
    const worker: Worker = Reflect.construct(Worker, [
      boot,
      {
        workerData: { entry },
        resourceLimits: { maxOldGenerationSizeMb: memoryMb },
        // Pages are rendered with React's production build, whatever the parent runs as.
        env: { ...process.env, NODE_ENV: 'production' },
        // The parent's flags (a --cpu-prof, a loader) are not the worker's business.
        execArgv: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [],
      },
    ])
    worker.unref()
    const slot: Slot = { worker, ready: false }
    worker.on(
      'message',
      (reply: { ready?: true; id: number; ok: boolean; output?: unknown; error?: string }) => {
        if (reply.ready) {
          slot.ready = true
          slot.worker.unref()
          dispatch()
          return
        }
        const job = slot.job
        if (!job || job.id !== reply.id) return
        finish(slot)
        if (reply.ok) job.resolve(reply.output)
        else job.reject(new RenderError('failed', reply.error ?? 'the render failed'))
        dispatch()
      },
    )
    worker.on('error', (error: Error & { code?: string }) => {
      const job = slot.job
      finish(slot)
      replace(slot)
      if (!slot.ready) return failStart(error)
      job?.reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new RenderError('memory', `rendering needed more than ${memoryMb} MiB`)
          : new RenderError('failed', `the render worker failed: ${error.message}`),
      )
      dispatch()
    })
    worker.on('exit', () => {
      if (!slots.includes(slot)) return
      const job = slot.job
      finish(slot)
      replace(slot)
      if (!slot.ready) return failStart(new Error('it exited while starting'))
      job?.reject(new RenderError(closed ? 'closed' : 'failed', 'the render worker stopped'))
      dispatch()
    })
    return slot
  }

  const finish = (slot: Slot) => {
    clearTimeout(slot.timer)
    slot.timer = undefined
    slot.job = undefined
    slot.worker.unref()
  }

  /** A worker that cannot even start will not start next time either: fail the waiting work. */
  const failStart = (error: Error) => {
    for (const job of queue.splice(0)) {
      job.reject(new RenderError('failed', `a render worker could not start: ${error.message}`))
    }
  }

  /**
   * Ends a worker. A profiled one that is idle is asked to exit, so that it writes its profile
   * (a terminated thread writes none); one that does not within a second is terminated.
   */
  const end = async (worker: Worker) => {
    if (options.profileDir) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage({ exit: true })
      const timer = setTimeout(() => void worker.terminate(), 1000)
      await exited
      clearTimeout(timer)
      return
    }
    await worker.terminate()
  }

  /** Takes a worker out of the pool (and ends it); a new one is made when work needs it. */
  const replace = (slot: Slot) => {
    const index = slots.indexOf(slot)
    if (index !== -1) slots.splice(index, 1)
    void slot.worker.terminate()
  }

  const dispatch = () => {
    while (queue.length && !closed) {
      const slot = slots.find((s) => s.ready && !s.job)
      if (!slot) {
        // Start as many workers as there is waiting work (up to the size); each asks for work
        // once it has loaded.
        const starting = slots.filter((s) => !s.ready).length
        if (slots.length < size && starting < queue.length) {
          const fresh = spawn()
          fresh.worker.ref()
          slots.push(fresh)
          continue
        }
        return
      }
      const job = queue.shift()!
      slot.job = job
      slot.worker.ref()
      slot.timer = setTimeout(() => {
        finish(slot)
        replace(slot)
        job.reject(new RenderError('timeout', `rendering took longer than ${timeoutMs / 1000} s`))
        dispatch()
      }, timeoutMs)
      slot.worker.postMessage({ id: job.id, kind: job.kind, input: job.input })
    }
  }

  return {
    size,
    run(kind, input) {
      if (closed) return Promise.reject(new RenderError('closed', 'the render pool is closed'))
      return new Promise((resolve, reject) => {
        queue.push({
          id: nextId++,
          kind,
          input,
          resolve: resolve as (output: unknown) => void,
          reject,
        })
        dispatch()
      })
    },
    async warm() {
      while (slots.length < size && !closed) slots.push(spawn())
      await Promise.all(
        slots.map(
          (slot) =>
            slot.ready ||
            new Promise<void>((resolve) => {
              const done = () => resolve()
              slot.worker.once('message', done)
              slot.worker.once('exit', done)
            }),
        ),
      )
    },
    async close() {
      closed = true
      for (const job of queue.splice(0)) {
        job.reject(new RenderError('closed', 'the render pool is closed'))
      }
      const ending = slots.splice(0)
      for (const slot of ending) {
        const job = slot.job
        finish(slot)
        job?.reject(new RenderError('closed', 'the render pool is closed'))
      }
      await Promise.all(ending.map((slot) => end(slot.worker)))
    },
  }
}
