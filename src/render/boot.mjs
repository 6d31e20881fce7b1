// A render worker's first module: lets the thread load the TypeScript sources, then loads the
// worker (its path comes in workerData, so no bundler has to resolve it).
import { workerData } from 'node:worker_threads'

import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
