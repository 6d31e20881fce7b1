/**
 * `npm run content:export -- DIR`: writes everything people wrote and the workflow recorded to a
 * new folder DIR (articles, references, people's profiles, settings, states, approvals and the
 * audit trail; see src/content/history.ts): a backup that `npm run content:import -- DIR` restores
 * into an empty database. Exit 0 when written, 1 when it could not be (nothing is left at DIR),
 * 2 on a usage error.
 */
import { parseArgs } from 'node:util'

import { createLocalReq, type Payload } from 'payload'

import { exportContent } from '../src/content/exportContent'
import { closeAndExit, openPayload } from './lib/openPayload'

let dir: string
try {
  const args = parseArgs({ allowPositionals: true })
  if (args.positionals.length !== 1) throw new Error('give exactly one folder to write')
  dir = args.positionals[0]!
} catch (error) {
  console.error(
    `${(error as Error).message}\nusage: npm run content:export -- DIR   (DIR must not exist yet)`,
  )
  process.exit(2)
}

let payload: Payload | undefined
try {
  payload = await openPayload()
  const report = await exportContent(payload, await createLocalReq({}, payload), dir)
  console.log(
    `Exported to ${report.dir}: ${report.people} people, ${report.references} references, ${report.articles} articles (${report.published} with a newer draft after the live revision), ${report.events} review events.`,
  )
  await closeAndExit(payload, 0)
} catch (error) {
  console.error(`Export failed: ${(error as Error).message}`)
  await closeAndExit(payload, 1)
}
