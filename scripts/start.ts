/**
 * `npm start`: builds what is missing, migrates, seeds an empty database from content/ (plus one
 * demo account per role outside production), publishes the site, and serves admin, API and site
 * on PORT. Every step says what went wrong and what to do about it.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { databaseKind } from '../src/config/database'
import { readEnv, resolveSecret, ROOT_DIR, siteUrl } from '../src/config/env'
import { fingerprintFiles } from '../src/config/fingerprint'
import { seedIfEmpty } from '../src/content/seed'
import { openPayload } from './lib/openPayload'
import { describePublish, publishConfiguredSite } from '../src/publish/configured'

const NEXT = path.join(ROOT_DIR, 'node_modules', '.bin', 'next')
const TSX = path.join(ROOT_DIR, 'node_modules', '.bin', 'tsx')
const DIST_DIR = path.join(ROOT_DIR, process.env.NEXT_DIST_DIR || '.next')
const BUILD_INPUTS = [
  'src',
  'public',
  'collections',
  'globals',
  'payload.config.ts',
  'next.config.ts',
  'tsconfig.json',
  'package-lock.json',
]
const FINGERPRINT_FILE = path.join(DIST_DIR, 'source-fingerprint')

function fail(message: string): never {
  console.error(`\nnpm start: ${message}\n`)
  process.exit(1)
}

/** Runs `next build`, saying every 15 s that it is still at work (it is quiet for minutes). */
function build(childEnv: NodeJS.ProcessEnv): Promise<number | null> {
  const started = Date.now()
  const child = spawn(NEXT, ['build'], { stdio: 'inherit', env: childEnv })
  const ticker = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000)
    console.log(`  … still building the admin (${seconds} s so far)`)
  }, 15_000)
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(ticker)
      console.log(`  Built in ${Math.round((Date.now() - started) / 1000)} s.`)
      resolve(code)
    })
  })
}

async function ensureBuild(childEnv: NodeJS.ProcessEnv): Promise<void> {
  // Everything the Next build is made from: rebuild only when it changed.
  const fingerprint = fingerprintFiles(ROOT_DIR, BUILD_INPUTS)
  const built = fs.existsSync(path.join(DIST_DIR, 'BUILD_ID'))
  const current =
    built && fs.readFileSync(FINGERPRINT_FILE, { encoding: 'utf8', flag: 'a+' }) === fingerprint
  if (current) return
  console.log(
    built
      ? 'Sources changed since the last build: rebuilding the admin…'
      : 'Building the admin (once; one to three minutes, longer on a busy machine)…',
  )
  if ((await build(childEnv)) !== 0) fail('`next build` failed (its output is above).')
  fs.writeFileSync(FINGERPRINT_FILE, fingerprint)
}

async function waitForServer(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(url)
      if (res.status < 500) return true
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

let env
try {
  env = readEnv()
  databaseKind(env.DATABASE_URL)
} catch (error) {
  fail((error as Error).message)
}
const production = env.NODE_ENV === 'production'
let secret: string
try {
  secret = resolveSecret(env)
} catch (error) {
  fail((error as Error).message)
}
// next build and next start run with NODE_ENV=production whatever ours is (a different value
// breaks React's build): hand them the secret, and leave NODE_ENV to Next.
// Next's telemetry notice and upload are off: this is a self-hosted tool, not a Next project.
const childEnv = {
  ...process.env,
  PAYLOAD_SECRET: secret,
  NODE_OPTIONS: '--no-deprecation',
  NEXT_TELEMETRY_DISABLED: '1',
}
delete (childEnv as Record<string, unknown>).NODE_ENV

await ensureBuild(childEnv)

const payload = await openPayload().catch((error: Error) =>
  fail(`could not open the database (${env.DATABASE_URL ?? 'SQLite default'}): ${error.message}`),
)
let demoAccounts
try {
  const seed = await seedIfEmpty(payload, {
    contentDir: path.join(ROOT_DIR, 'content'),
    demo: !production,
  })
  demoAccounts = seed.demoAccounts
  if (seed.imported) {
    const a = seed.imported.articles
    console.log(
      `Seeded the empty database from content/: ${a.created} article(s), ${seed.imported.references.created} reference(s).`,
    )
  }
} catch (error) {
  await payload.destroy().catch(() => undefined)
  fail((error as Error).message)
}
// Start-up never depends on publishing: articles that cannot be rendered are refused one by one,
// and a publish that cannot run at all leaves the last good build live (and the admin up to fix it).
try {
  console.log(describePublish(await publishConfiguredSite(payload)))
} catch (error) {
  console.warn(
    `npm start: the site was not published (${(error as Error).message}); the last published build, if any, stays live. Fix the cause in the admin, then publish again (npm run publish).`,
  )
}
await payload.destroy()

const base = siteUrl(env)
const server = spawn(NEXT, ['start', '-p', String(env.PORT)], { stdio: 'inherit', env: childEnv })
const worker = spawn(TSX, [path.join(ROOT_DIR, 'scripts', 'worker.ts')], {
  stdio: 'inherit',
  env: { ...childEnv, NODE_ENV: env.NODE_ENV, JOBS_WORKER: 'true' },
})
const children = [server, worker]
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => children.forEach((c) => c.kill(signal)))
}
// The platform is the server and the worker together: when either ends, so does the other.
for (const child of children) {
  child.on('exit', (code) => {
    children.forEach((c) => c !== child && c.exitCode === null && c.kill('SIGTERM'))
    process.exitCode = code ?? 0
  })
}

if (await waitForServer(`http://127.0.0.1:${env.PORT}/api/access`, server)) {
  const lines = [
    '',
    `  Published site  ${base}/`,
    `  Admin           ${base}/admin`,
    `  REST API        ${base}/api   GraphQL ${base}/api/graphql`,
    `  (also at http://127.0.0.1:${env.PORT} and this machine's network address: one server, one login each)`,
  ]
  if (demoAccounts.length) {
    lines.push('', '  Demo accounts (development only; never created when NODE_ENV=production):')
    for (const a of demoAccounts)
      lines.push(`    ${a.role.padEnd(9)} ${a.email.padEnd(22)} password: ${a.password}`)
  }
  console.log(lines.join('\n') + '\n')
} else if (server.exitCode === null) {
  console.error('npm start: the server did not answer within two minutes; its output is above.')
}
