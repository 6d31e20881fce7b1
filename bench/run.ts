/**
 * `npm run bench [-- --sizes 1000,10000] [--runs 3] [--references shared|distinct] [--smoke]
 * [--no-lighthouse] [--out DIR]`: the performance report.
 *
 * For each size, a deterministic synthetic corpus (bench/corpus.ts) is written as a content
 * folder and imported into a fresh database through the real importer (SQLite in a temporary
 * folder; PostgreSQL when DATABASE_URL says so, in a fresh database beside it). Then, each as the
 * median of `--runs` runs, as child processes measured with their whole process tree (wall, CPU,
 * peak RSS): import; a full cold publish (empty output, no kept renderings: every article's
 * Markdown rendered); a full publish to an empty folder with renderings kept (a template or
 * settings change, a fresh deploy); a publish with nothing changed; an approval to the live swap in
 * a warm job worker; `npm run publish` as an operator runs it, with nothing changed and after one
 * edit. Hugo and the bare one-thread unified floor run on the same Markdown in the same run, so
 * each figure is also a ratio. Page weight and Lighthouse are taken on the seeded article.
 *
 * Writes DIR/report.json and DIR/report.md (default DIR: bench/) and prints the table. `--smoke`
 * (100 articles, one run, no Lighthouse; part of `npm test`) fails when anything is refused or
 * broken, never on a figure: these machines are shared and noisy.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

import { writeCorpus } from './corpus'
import { readBodies, unifiedFloor } from './floor'
import { writeHugoSite } from './hugo'
import { serveFolder } from '../e2e/serveFolder'
import { lighthouse, type LighthouseScores } from './lighthouse'
import { median, medianOf, runMeasured, type Measured } from './measure'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    references: { type: 'string', default: 'shared' },
    smoke: { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench' },
  },
})
const smoke = values.smoke
const sizes = smoke ? [100] : values.sizes.split(',').map(Number)
const runs = smoke ? 1 : Number(values.runs)
const references = values.references === 'distinct' ? 'distinct' : 'shared'
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(runs >= 1)) {
  console.error(
    'usage: npm run bench -- [--sizes 1000,10000] [--runs 3] [--references shared|distinct] [--smoke] [--no-lighthouse] [--out DIR]',
  )
  process.exit(2)
}

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'mrp-bench-'))
const SITE_URL = 'https://answers.example.org'
const postgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '')
const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  PAYLOAD_SECRET: 'bench-only-secret-0123456789abcdef',
  SITE_URL,
  NODE_ENV: 'production',
  NODE_OPTIONS: '--no-deprecation',
  ...extra,
})

/** A fresh, empty database: a new SQLite file, or a new PostgreSQL database on the given server. */
let databases = 0
async function freshDatabase(): Promise<string> {
  databases++
  if (!postgres) return `file:${path.join(work, `bench-${databases}.db`)}`
  const url = new URL(process.env.DATABASE_URL!)
  const name = `mrp_bench_${databases}`
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS ${name}`)
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  url.pathname = `/${name}`
  return url.toString()
}

/** A command as `npm run` runs it (compiled by scripts/run.mjs), without npm around it. */
const command = (name: 'publish' | 'content-import', args: string[], e: NodeJS.ProcessEnv) =>
  runMeasured(process.execPath, ['scripts/run.mjs', name, ...args], { env: e })
/** The benchmark's own steps (bench/steps.ts), through tsx. */
const step = (args: string[], e: NodeJS.ProcessEnv) =>
  runMeasured(process.execPath, ['--import', 'tsx', 'bench/steps.ts', ...args], { env: e })

// Compiled once before anything is measured.
await runMeasured(process.execPath, ['scripts/run.mjs', '--build'])

/** Runs `fn` `runs` times and keeps every measurement. */
async function repeat<T>(fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < runs; i++) out.push(await fn(i))
  return out
}

/** The publisher's own duration, from its report line ("... in 123 ms"). */
const publishMs = (m: Measured) => Number(/ in (\d+) ms/.exec(m.stdout)?.[1] ?? NaN)
const refusedIn = (m: Measured) => m.stdout.split('\n').filter((l) => l.startsWith('  refused '))

interface Row {
  measure: string
  articles: number
  wallS?: number
  cpuS?: number
  peakRssMiB?: number
  value: number
  unit: string
  goal?: string
  met?: boolean
  /** The figure over an anchor measured in the same run (Hugo, the floor). */
  ratio?: string
}
const rows: Row[] = []
const problems: string[] = []
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
const s = (ms: number) => round(ms / 1000)
const log = (line: string) => console.log(`bench: ${line}`)

for (const n of sizes) {
  log(`${n} articles: writing the corpus`)
  const corpus = await writeCorpus(path.join(work, `corpus-${n}`), { articles: n, references })
  const bodies = await readBodies(corpus.dir)

  log('Hugo and the unified floor')
  const hugoDir = path.join(work, `hugo-${n}`)
  await writeHugoSite(corpus.dir, hugoDir)
  // Debian's hugo (apt-get install hugo): the reference, required for a full run; the smoke run
  // in npm test goes without it where it is not installed.
  const hasHugo = spawnSync('hugo', ['version']).status === 0
  if (!hasHugo && !smoke) {
    console.error(
      'bench: Hugo is the reference of this benchmark: install it (apt-get install hugo)',
    )
    process.exit(2)
  }
  const hugo = hasHugo
    ? medianOf(
        await repeat(() =>
          runMeasured('hugo', [
            '--quiet',
            '--source',
            hugoDir,
            '--destination',
            path.join(work, `hugo-out-${n}`),
          ]),
        ),
      )
    : { wallMs: NaN, cpuMs: NaN, peakRssMiB: NaN }
  const floorMs = median(await repeat(async () => unifiedFloor(bodies)))
  rows.push({
    measure: 'Hugo, same corpus',
    articles: n,
    wallS: s(hugo.wallMs),
    cpuS: s(hugo.cpuMs),
    peakRssMiB: round(hugo.peakRssMiB, 0),
    value: s(hugo.wallMs),
    unit: 's',
  })
  rows.push({ measure: 'unified floor, one thread', articles: n, value: s(floorMs), unit: 's' })

  log('import')
  let database = ''
  const imports = await repeat(async () => {
    database = await freshDatabase()
    return command('content-import', [corpus.dir], env({ DATABASE_URL: database }))
  })
  const imported = medianOf(imports)
  const rate = n / (imported.wallMs / 1000)
  rows.push({
    measure: 'import',
    articles: n,
    ...figures(imported),
    value: round(rate, 1),
    unit: 'articles/s',
    goal: '≥ 100 articles/s, < 1 GiB',
    met: rate >= 100 && imported.peakRssMiB < 1024,
    // Every imported article's Markdown is parsed and checked: the floor is how fast this
    // machine parses it at all, so the ratio compares across machines where articles/s cannot.
    ratio: `${round(imported.wallMs / floorMs)}x floor`,
  })

  const siteDir = path.join(work, `site-${n}`)
  const e = env({ DATABASE_URL: database, SITE_DIR: siteDir })
  const publish = (args: string[] = []) => command('publish', args, e)

  log('full cold publish (every article rendered from Markdown)')
  const cold = await repeat(async () => {
    await fs.rm(siteDir, { recursive: true, force: true })
    await step(['clear-renders'], e)
    return publish(['--full'])
  })
  for (const m of cold) problems.push(...refusedIn(m).map((r) => `${n}: ${r.trim()}`))
  const coldM = medianOf(cold)
  rows.push({
    measure: 'full cold publish, nothing kept',
    articles: n,
    ...figures(coldM),
    value: s(coldM.wallMs),
    unit: 's',
    goal: '< the one-thread floor',
    met: coldM.wallMs < floorMs,
    ratio: `${round(coldM.wallMs / floorMs)}x floor`,
  })

  log('full publish to an empty folder, renderings kept')
  const full = medianOf(
    await repeat(async () => {
      await fs.rm(siteDir, { recursive: true, force: true })
      return publish(['--full'])
    }),
  )
  rows.push({
    measure: 'full publish, empty folder',
    articles: n,
    ...figures(full),
    value: s(full.wallMs),
    unit: 's',
    goal: '≤ 2x Hugo, < 1 GiB',
    met: full.wallMs <= 2 * hugo.wallMs && full.peakRssMiB < 1024,
    ratio: `${round(full.wallMs / hugo.wallMs)}x Hugo`,
  })

  log('publish with nothing changed')
  const unchanged = await repeat(() => publish())
  const unchangedMs = median(unchanged.map(publishMs))
  rows.push({
    measure: 'publish, nothing changed (the publish itself)',
    articles: n,
    value: s(unchangedMs),
    unit: 's',
    goal: '< 1 s',
    met: unchangedMs < 1000,
  })

  log('approval to live, in a warm job worker')
  const approvals = await repeat(async (i) => {
    const m = await step(['approve', corpus.slugs[i % corpus.slugs.length]!, '--publish'], e)
    return JSON.parse(m.stdout.trim().split('\n').pop()!) as {
      approvalToLiveMs: number
      newBuild: boolean
      filesChanged: number
    }
  })
  for (const a of approvals) if (!a.newBuild) problems.push(`${n}: an approval made no new build`)
  const liveMs = median(approvals.map((a) => a.approvalToLiveMs))
  rows.push({
    measure: `approval to live (files changed: ${median(approvals.map((a) => a.filesChanged))})`,
    articles: n,
    value: s(liveMs),
    unit: 's',
    goal: '< 0.3 s',
    met: liveMs < 300,
  })

  log('npm run publish, as an operator runs it')
  const npmPublish = () => runMeasured('npm', ['run', '--silent', 'publish'], { env: e })
  const idle = medianOf(await repeat(() => npmPublish()))
  rows.push({
    measure: '`npm run publish`, nothing changed',
    articles: n,
    ...figures(idle),
    value: s(idle.wallMs),
    unit: 's',
    goal: '< 5 s',
    met: idle.wallMs < 5000,
  })
  const edited = medianOf(
    await repeat(async (i) => {
      await step(['approve', corpus.slugs[(i + runs) % corpus.slugs.length]!], e)
      return npmPublish()
    }),
  )
  rows.push({
    measure: '`npm run publish`, after one edit',
    articles: n,
    ...figures(edited),
    value: s(edited.wallMs),
    unit: 's',
    goal: '< 6 s',
    met: edited.wallMs < 6000,
  })
}

function figures(m: Omit<Measured, 'stdout' | 'stderr'>) {
  return { wallS: s(m.wallMs), cpuS: s(m.cpuMs), peakRssMiB: round(m.peakRssMiB, 0) }
}

// The seeded article, published from content/ as a newcomer's site: page weight and Lighthouse.
log('the seeded article: page weight and Lighthouse')
const seedSite = path.join(work, 'seed-site')
const seedEnv = env({ DATABASE_URL: await freshDatabase(), SITE_DIR: seedSite })
// content/ as it is, with its article approved by a board member (as the demo reviewer would).
const seedContent = path.join(work, 'seed-content')
await fs.cp('content', seedContent, { recursive: true })
const people = JSON.parse(await fs.readFile(path.join(seedContent, 'people.json'), 'utf8'))
people.push({
  email: 'reviewer@bench.example',
  name: 'Dr Bench Reviewer',
  roles: ['reviewer'],
  credentials: 'MD',
})
await fs.writeFile(path.join(seedContent, 'people.json'), JSON.stringify(people))
for (const file of await fs.readdir(path.join(seedContent, 'articles'))) {
  const text = await fs.readFile(path.join(seedContent, 'articles', file), 'utf8')
  await fs.writeFile(
    path.join(seedContent, 'articles', file),
    text.replace(
      /^---\n/,
      '---\nreview:\n  status: approved\n  reviewer: reviewer@bench.example\n  date: 2026-11-02\n',
    ),
  )
}
await command('content-import', [seedContent], seedEnv)
const exported = path.join(work, 'seed-export')
await command('publish', ['--export', exported], seedEnv)
const seedSlug = (await fs.readdir(path.join(exported, 'articles')))[0]!
const page = await fs.readFile(path.join(exported, 'articles', seedSlug, 'index.html'), 'utf8')
const css = await fs.readFile(path.join(exported, 'assets', 'site.css'))
const weightKiB = round((gzipSync(page).length + gzipSync(css).length) / 1024, 1)
rows.push({
  measure: 'seeded article page, HTML + CSS gzipped',
  articles: 1,
  value: weightKiB,
  unit: 'KiB',
  goal: '≤ 20 KiB',
  met: weightKiB <= 20,
})
// Scripts that a page needs to work: any but the optional enhancement modules (deferred, async).
const required = [...page.matchAll(/<script\b([^>]*)>/g)].filter(
  ([, attrs]) => !/\b(type="module"|defer|async|type="application\/(ld\+)?json")/.test(attrs!),
)
rows.push({
  measure: 'seeded article page, required JavaScript',
  articles: 1,
  value: required.length,
  unit: 'scripts',
  goal: '0',
  met: required.length === 0,
})
// Page weight and scripts do not depend on the machine: missing them is a problem, not noise.
if (weightKiB > 20)
  problems.push(`the seeded article page weighs ${weightKiB} KiB gzipped (goal 20)`)
if (required.length) problems.push(`the seeded article page requires ${required.length} script(s)`)
let scores: LighthouseScores | undefined
if (!smoke && !values['no-lighthouse']) {
  const server = await serveFolder(exported)
  try {
    scores = await lighthouse(`${server.url}/articles/${seedSlug}/`)
  } finally {
    await server.close()
  }
  for (const category of ['performance', 'accessibility', 'best-practices', 'seo'] as const) {
    rows.push({
      measure: `Lighthouse ${category}`,
      articles: 1,
      value: scores[category],
      unit: '/100',
      goal: '100',
      met: scores[category] === 100,
    })
  }
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`
const database = postgres ? 'PostgreSQL' : 'SQLite'
const report = {
  date: new Date().toISOString(),
  machine,
  database,
  runs,
  references,
  rows,
  lighthouseFailedAudits: scores?.failed ?? [],
  problems,
}
const cell = (x: number | undefined) => (x === undefined ? '' : String(x))
const table = [
  `# Performance report`,
  '',
  `${report.date.slice(0, 10)} · ${machine} · ${database} · median of ${runs} run(s) · ${references} references`,
  '',
  '| measure | articles | value | goal | met | ratio | wall s | CPU s | peak RSS MiB |',
  '| --- | ---: | ---: | --- | --- | --- | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.measure} | ${r.articles} | ${r.value} ${r.unit} | ${r.goal ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} | ${r.ratio ?? ''} | ${cell(r.wallS)} | ${cell(r.cpuS)} | ${cell(r.peakRssMiB)} |`,
  ),
  '',
  'Wall and CPU are of the whole process tree (CPU over wall above 1 means both cores worked).',
  ...(problems.length ? ['', '## Problems', '', ...problems.map((p) => `- ${p}`)] : []),
  '',
].join('\n')
await fs.mkdir(values.out, { recursive: true })
await fs.writeFile(path.join(values.out, 'report.json'), JSON.stringify(report, null, 2) + '\n')
await fs.writeFile(path.join(values.out, 'report.md'), table)
console.log(table)
await fs.rm(work, { recursive: true, force: true })
if (problems.length) {
  console.error(`bench: ${problems.length} problem(s): see the report`)
  process.exit(1)
}
