import { getPayload, type Payload } from 'payload'

import { migrations as postgresMigrations } from '../../migrations/postgres'
import { migrations as sqliteMigrations } from '../../migrations/sqlite'
import { databaseKind } from '../../src/config/database'

/**
 * The migrations of the configured database, imported here rather than read from their folder
 * at run time, so a compiled command (scripts/run.mjs) runs them too. MongoDB has none.
 */
type Migrations = NonNullable<NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']>
function migrationsFor(url: string | undefined): Migrations | undefined {
  const kind = databaseKind(url)
  const list =
    kind === 'sqlite' ? sqliteMigrations : kind === 'postgres' ? postgresMigrations : undefined
  // Each dialect's migrations take its own adapter's arguments; Payload calls them with those.
  return list as unknown as Migrations | undefined
}

/**
 * Payload for a command-line script, with pending migrations applied first so a script run on a
 * fresh database finds the schema it expects (the same step `npm start` takes).
 */
export async function openPayload({ migrate = true } = {}): Promise<Payload> {
  process.env.PAYLOAD_MIGRATING ??= 'true'
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  if (migrate) {
    const migrations = migrationsFor(process.env.DATABASE_URL)
    await payload.db.migrate(migrations ? { migrations } : undefined)
  }
  return payload
}

/** Ends a script: Payload keeps database pools and timers open, so exit explicitly. */
export async function closeAndExit(payload: Payload | undefined, code: number): Promise<never> {
  await payload?.destroy().catch(() => undefined)
  process.exit(code)
}
