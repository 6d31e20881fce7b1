import { getPayload, type Payload } from 'payload'

/**
 * Payload for a command-line script, with pending migrations applied first so a script run on a
 * fresh database finds the schema it expects (the same step `npm start` takes).
 */
export async function openPayload({ migrate = true } = {}): Promise<Payload> {
  process.env.PAYLOAD_MIGRATING ??= 'true'
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  if (migrate) await payload.db.migrate()
  return payload
}

/** Ends a script: Payload keeps database pools and timers open, so exit explicitly. */
export async function closeAndExit(payload: Payload | undefined, code: number): Promise<never> {
  await payload?.destroy().catch(() => undefined)
  process.exit(code)
}
