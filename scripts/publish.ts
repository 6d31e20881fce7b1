/**
 * `npm run publish -- [--out DIR] [--full] [--rollback] [--export DIR]`: publishes the site from
 * the database into the site folder DIR (default SITE_DIR, data/site), making only what changed
 * since the last publish (`--full`: every page; `--verify`: check every article against its
 * approval, not only those changed through the CMS, and make what differs). `--rollback` puts the build before the last
 * publish back. `--export DIR` writes the live build as plain files for a static host, after
 * publishing (or alone with `--no-publish`). Exit 0 on success (refused articles are reported,
 * not fatal), 1 when publishing could not run, 2 on a usage error.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { Payload } from 'payload'

import { readEnv, siteDir } from '../src/config/env'
import { exportSite, rollback } from '../src/publish/build'
import { renderPool } from '../src/render'
import { closeAndExit, openPayload } from './lib/openPayload'
import { describePublish, publishConfiguredSite } from '../src/publish/configured'

const USAGE =
  'usage: npm run publish -- [--out DIR] [--full | --verify] [--rollback] [--export DIR [--no-publish]]'
let args
try {
  args = parseArgs({
    options: {
      out: { type: 'string' },
      full: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      rollback: { type: 'boolean', default: false },
      export: { type: 'string' },
      'no-publish': { type: 'boolean', default: false },
    },
    allowPositionals: false,
  }).values
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`)
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
  if (!args['no-publish']) {
    payload = await openPayload()
    const report = await publishConfiguredSite(payload, root, {
      full: args.full,
      verify: args.verify,
    })
    console.log(describePublish(report))
  }
  if (args.export) {
    const count = await exportSite(root, args.export)
    console.log(`Exported the live build (${count} files) to ${path.resolve(args.export)}.`)
  }
  await renderPool().close()
  await closeAndExit(payload, 0)
} catch (error) {
  console.error(`npm run publish: ${(error as Error).message}`)
  await closeAndExit(payload, 1)
}
