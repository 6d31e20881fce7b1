import { parentPort } from 'node:worker_threads'

import { type RenderTaskKind, runRenderTask } from './tasks'
import { warmUp } from './warmUp'

/** A render worker: runs one task per message and answers with its output or its error. */
parentPort!.on(
  'message',
  (message: { id: number; kind: RenderTaskKind; input: never } | { exit: true }) => {
    // The pool is closing: end normally, so that a profiled worker writes its profile.
    if ('exit' in message) process.exit(0)
    let reply: { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string }
    try {
      reply = { id: message.id, ok: true, output: runRenderTask(message.kind, message.input) }
    } catch (error) {
      const e = error as Error
      reply = { id: message.id, ok: false, error: `${e.name}: ${e.message}` }
    }
    parentPort!.postMessage(reply)
  },
)

// One short render first, so no task's budget pays for the first run of the pipeline (a failure
// here would be every task's too: the first one reports it).
try {
  warmUp()
} catch {
  // reported by the first task
}
// Loaded and ready: the pool starts a task's time budget only now.
parentPort!.postMessage({ ready: true })
