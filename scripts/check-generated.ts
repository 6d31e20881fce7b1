/**
 * `npm run check:generated`: fails when a committed generated file disagrees with the config:
 * payload-types.ts, the admin import map, or the SQL migrations (a schema change without a
 * migration, for SQLite or PostgreSQL). Run `npm run generate` / `npm run migrate:create -- NAME`.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ROOT_DIR } from '../src/config/env'

const PAYLOAD = path.join(ROOT_DIR, 'node_modules', '.bin', 'payload')
const IMPORT_MAP = path.join(ROOT_DIR, 'src', 'app', '(payload)', 'admin', 'importMap.js')
// migrate:create diffs the config against the newest migration snapshot; it never connects.
const DIALECTS = {
  sqlite: 'file:./data/schema-check.db',
  postgres: 'postgres://schema-check@127.0.0.1:1/schema-check',
}

function payload(args: string[], env: Record<string, string> = {}): void {
  execFileSync(PAYLOAD, args, {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      NODE_OPTIONS: '--no-deprecation',
      PAYLOAD_SECRET: 'schema-check-only-0000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

const problems: string[] = []

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'check-generated-'))
const types = path.join(tmp, 'payload-types.ts')
payload(['generate:types'], { PAYLOAD_TS_OUTPUT_PATH: types })
if (
  fs.readFileSync(types, 'utf8') !==
  fs.readFileSync(path.join(ROOT_DIR, 'payload-types.ts'), 'utf8')
) {
  problems.push('payload-types.ts is out of date: run `npm run generate` and commit it.')
}
fs.rmSync(tmp, { recursive: true, force: true })

const committedMap = fs.readFileSync(IMPORT_MAP, 'utf8')
payload(['generate:importmap'])
if (fs.readFileSync(IMPORT_MAP, 'utf8') !== committedMap) {
  problems.push(
    `${path.relative(ROOT_DIR, IMPORT_MAP)} is out of date: run \`npm run generate\` and commit it.`,
  )
  fs.writeFileSync(IMPORT_MAP, committedMap)
}

for (const [dialect, url] of Object.entries(DIALECTS)) {
  const dir = path.join(ROOT_DIR, 'migrations', dialect)
  const before = new Set(fs.readdirSync(dir))
  payload(['migrate:create', 'schema-check', '--skip-empty'], { DATABASE_URL: url })
  const added = fs.readdirSync(dir).filter((f) => !before.has(f))
  if (added.length) {
    problems.push(
      `the ${dialect} migrations do not match the schema: run \`npm run migrate:create -- NAME\` and commit the result.`,
    )
    for (const file of added) fs.rmSync(path.join(dir, file))
    // migrate:create also rewrote the index; put the committed one back.
    execFileSync('git', ['checkout', '--', path.join(dir, 'index.ts')], { cwd: ROOT_DIR })
  }
}

if (problems.length) {
  console.error(
    `Generated files disagree with the config:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  )
  process.exit(1)
}
console.log(
  'Generated files are current: payload-types.ts, import map, SQLite and PostgreSQL migrations.',
)
