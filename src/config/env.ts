import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

/**
 * The repository root: every relative default below is resolved against it. npm scripts, Next and
 * Vitest all run from the package root (a bundled module's own location says nothing useful).
 */
export const ROOT_DIR = process.cwd()

// A developer's .env, if any, fills in what the environment does not already set.
const DOT_ENV = path.join(ROOT_DIR, '.env')
if (fs.existsSync(DOT_ENV)) process.loadEnvFile(DOT_ENV)

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().trim().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PAYLOAD_SECRET: z.string().min(16, 'PAYLOAD_SECRET must be at least 16 characters').optional(),
  SITE_URL: z.url().optional(),
  SITE_DIR: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  EMAIL_FROM: z.email().default('no-reply@localhost'),
  EMAIL_FROM_NAME: z.string().default('Medical Review Platform'),
  RENDER_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  RENDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  RENDER_MEMORY_MB: z.coerce.number().int().min(32).max(16_384).default(512),
  RENDER_PROFILE_DIR: z.string().optional(),
})

export type Env = z.infer<typeof envSchema>

/** Reads and validates the environment; throws one message listing every bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const parsed = envSchema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment (see .env.example):\n${lines.join('\n')}`)
  }
  return parsed.data
}

/** Where SQLite files, the generated development secret and the published site live by default. */
export const DATA_DIR = path.join(ROOT_DIR, 'data')

/**
 * The secret Payload signs tokens with. Production must set PAYLOAD_SECRET; elsewhere one is
 * generated once and kept in data/.payload-secret so sessions survive a restart.
 */
export function resolveSecret(env: Env = readEnv()): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  // `next build` evaluates the config but signs nothing: a throwaway secret will do.
  if (process.env.NEXT_PHASE === 'phase-production-build') return randomBytes(32).toString('hex')
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'PAYLOAD_SECRET is required when NODE_ENV=production: set it to a long random string (e.g. `openssl rand -hex 32`).',
    )
  }
  const file = path.join(DATA_DIR, '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(DATA_DIR, { recursive: true })
    const secret = randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}

/** The public address of the site: canonical links, the sitemap and the feed use it. */
export function siteUrl(env: Env = readEnv()): string {
  return (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '')
}

/** The folder the publisher writes to and the server serves `/` from. */
export function siteDir(env: Env = readEnv()): string {
  return path.resolve(ROOT_DIR, env.SITE_DIR ?? path.join('data', 'site'))
}

/**
 * The origins a signed-in browser may call the API from: the public address (SITE_URL), and this
 * machine by every name it answers to on PORT: localhost, 127.0.0.1, [::1], its host name and
 * each network address (the "Network" address Next prints). See `sessionCookieAllowed`.
 */
export function allowedOrigins(env: Env = readEnv()): string[] {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', os.hostname()])
  for (const nets of Object.values(os.networkInterfaces())) {
    for (const net of nets ?? [])
      hosts.add(net.family === 'IPv6' ? `[${net.address}]` : net.address)
  }
  const origins = new Set([new URL(siteUrl(env)).origin])
  for (const host of hosts) origins.add(`http://${host}:${env.PORT}`)
  return [...origins]
}

/**
 * Whether a request may be served as the person its session cookie names (the CSRF rule), from
 * what the browser says about where it comes from:
 * - with an `Origin` (every cross-origin request, and same-origin ones that are not GET): only
 *   from `allowed`;
 * - else with Fetch Metadata (`Sec-Fetch-Site`, sent to https, localhost and 127.0.0.1): not
 *   `cross-site`;
 * - else only a GET or HEAD (a same-origin page load or fetch from a plain-http address such as the
 *   network one, where browsers send neither). A cross-site page cannot make such a request carry
 *   the cookie, which is `SameSite=Lax` (only a top-level navigation does, and GETs change
 *   nothing); a write without an Origin is refused.
 *
 * Payload's own check refuses every such GET, so the admin at the network address signed in and
 * was at once signed out again; the server applies this rule instead (src/proxy.ts).
 */
export function sessionCookieAllowed(
  request: { method: string; origin: string | null; secFetchSite: string | null },
  allowed: readonly string[],
): boolean {
  if (request.origin) return allowed.includes(request.origin)
  if (request.secFetchSite) return request.secFetchSite !== 'cross-site'
  return request.method === 'GET' || request.method === 'HEAD'
}
