import { parentPort } from 'node:worker_threads'

import { type RenderTaskKind, runRenderTask } from './tasks'

/** A render worker: runs one task per message and answers with its output or its error. */
parentPort!.on('message', (message: { id: number; kind: RenderTaskKind; input: never }) => {
  let reply: { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string }
  try {
    reply = { id: message.id, ok: true, output: runRenderTask(message.kind, message.input) }
  } catch (error) {
    const e = error as Error
    reply = { id: message.id, ok: false, error: `${e.name}: ${e.message}` }
  }
  parentPort!.postMessage(reply)
})

// Loaded and ready: the pool starts a task's time budget only now.
parentPort!.postMessage({ ready: true })
