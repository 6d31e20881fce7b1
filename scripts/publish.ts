/**
 * `npm run publish -- [--out DIR] [--rollback]`: publishes the site from the database into DIR
 * (default SITE_DIR, data/site); the live site is DIR/current. `--rollback` puts the build
 * before the last publish back. Exit 0 on success (refused articles are reported, not fatal),
 * 1 when publishing could not run, 2 on a usage error.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { Payload } from 'payload'

import { readEnv, siteDir } from '../src/config/env'
import { rollback } from '../src/publish/build'
import { closeAndExit, openPayload } from './lib/openPayload'
import { describePublish, publishConfiguredSite } from '../src/publish/configured'

let args
try {
  args = parseArgs({
    options: { out: { type: 'string' }, rollback: { type: 'boolean', default: false } },
    allowPositionals: false,
  }).values
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run publish -- [--out DIR] [--rollback]`)
  process.exit(2)
}

const root = args.out ? path.resolve(args.out) : siteDir(readEnv())
if (args.rollback) {
  try {
    const { current, previous } = await rollback(root)
    console.log(`Rolled back ${root}: now serving build ${current} (${previous} kept as previous).`)
    process.exit(0)
  } catch (error) {
    console.error(`npm run publish -- --rollback: ${(error as Error).message}`)
    process.exit(1)
  }
}

let payload: Payload | undefined
try {
  payload = await openPayload()
  const report = await publishConfiguredSite(payload, root)
  console.log(describePublish(report))
  console.log(`The live site is ${path.join(root, 'current')}.`)
  await closeAndExit(payload, 0)
} catch (error) {
  console.error(`npm run publish: ${(error as Error).message}`)
  await closeAndExit(payload, 1)
}
