import { register } from 'tsx/esm/api'
import { inject } from 'vitest'

// Job handlers are loaded by path with a native import(), as in the job worker (which runs on
// tsx): let this process load TypeScript that way too.
const registered = globalThis as { tsxRegistered?: boolean }
if (!registered.tsxRegistered) {
  register()
  registered.tsxRegistered = true
}

// Runs in the test worker before any test file imports the Payload config, which reads these.
Object.assign(process.env, {
  DATABASE_URL: inject('databaseUrl'),
  NODE_ENV: 'test',
  PAYLOAD_SECRET: 'integration-tests-secret-not-for-production',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(inject('smtpPort')),
  SMTP_SECURE: 'false',
  SITE_URL: 'http://localhost:3999',
  // Publish jobs write here, never into the developer's data/site.
  SITE_DIR: inject('siteDir'),
})
