/**
 * `npm run migrate:create -- NAME`: writes a migration for the current schema in every SQL
 * dialect (migrations/sqlite and migrations/postgres), since each keeps its own. It only diffs
 * the config against the last migration; no database is needed.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'

import { ROOT_DIR } from '../src/config/env'

const name = process.argv[2]
if (!name || !/^[a-z0-9_-]+$/i.test(name)) {
  console.error('usage: npm run migrate:create -- NAME   (letters, digits, - and _)')
  process.exit(2)
}
const urls = {
  sqlite: 'file:./data/migrate-create.db',
  postgres: 'postgres://migrate-create@127.0.0.1:1/migrate-create',
}
for (const [dialect, url] of Object.entries(urls)) {
  console.log(`${dialect}:`)
  execFileSync(
    path.join(ROOT_DIR, 'node_modules', '.bin', 'payload'),
    ['migrate:create', name, '--skip-empty'],
    {
      cwd: ROOT_DIR,
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_OPTIONS: '--no-deprecation',
        PAYLOAD_SECRET: 'migrate-create-only-0',
      },
      stdio: 'inherit',
    },
  )
}
