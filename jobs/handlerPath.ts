import path from 'node:path'

import { ROOT_DIR } from '../src/config/env'

/**
 * A task handler as `file#export`, which Payload imports when the job runs. Handlers live in
 * jobs/handlers/ and run in the job worker (tsx); keeping them out of the config keeps the
 * publisher and its assets out of the Next.js bundle.
 */
export const handlerPath = (file: string, exportName: string): string =>
  `${path.join(ROOT_DIR, 'jobs', 'handlers', `${file}.ts`)}#${exportName}`
