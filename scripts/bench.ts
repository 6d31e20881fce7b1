/**
 * `npm run bench [-- --articles N]`: the performance report. On a fresh temporary SQLite database
 * it imports N approved articles (copies of the seed article, through the real importer), then
 * measures Markdown rendering, a full publish, a publish with nothing changed, an incremental
 * publish after one approval, peak memory, and the weight of a published page. Writes
 * bench-report/report.md and report.json; exits 1 when a target is missed.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

const { values } = parseArgs({ options: { articles: { type: 'string', default: '200' } } })
const N = Number(values.articles)
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'mrp-bench-'))
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(work, 'bench.db')}`,
  PAYLOAD_SECRET: 'bench-only-secret-0123456789',
  SITE_URL: 'https://answers.example.org',
})

const { openPayload, closeAndExit } = await import('./lib/openPayload')
const { importContent } = await import('../src/content/importContent')
const { loadContentDir } = await import('../src/content/loadContentDir')
const { createMarkdownProcessor } = await import('../src/markdown')
const { publishSite } = await import('../src/publish/publishSite')

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now()
  const result = await fn()
  return [result, performance.now() - start]
}
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!

// N approved copies of the seed article, through the real importer.
const content = path.join(work, 'content')
await fs.mkdir(path.join(content, 'articles'), { recursive: true })
await fs.copyFile('content/references.json', path.join(content, 'references.json'))
await fs.writeFile(
  path.join(content, 'people.json'),
  JSON.stringify([
    { email: 'author@bench.example', name: 'Bench Author', roles: ['author'] },
    {
      email: 'reviewer@bench.example',
      name: 'Dr Bench Reviewer',
      roles: ['reviewer'],
      credentials: 'MD',
    },
  ]),
)
await fs.copyFile('content/site.yaml', path.join(content, 'site.yaml'))
const seed = await fs.readFile('content/articles/low-alp-multiple-myeloma.md', 'utf8')
const article = (i: number, extra = '') =>
  seed
    .replace(/^title: (.*)\?$/m, `title: $1 (case ${i})?`)
    .replace(/^slug: (.*)$/m, `slug: $1-${i}`)
    .replace(/editorial@example\.org/, 'author@bench.example')
    .replace(
      /^---\n/,
      '---\nreview:\n  status: approved\n  reviewer: reviewer@bench.example\n  date: 2026-01-15\n',
    ) + extra
for (let i = 0; i < N; i++)
  await fs.writeFile(path.join(content, 'articles', `a${i}.md`), article(i))

const payload = await openPayload()
const [, importMs] = await time(async () => importContent(payload, await loadContentDir(content)))

// Markdown: the seed article's body, rendered like the publisher renders it.
const markdown = createMarkdownProcessor()
const references = JSON.parse(await fs.readFile('content/references.json', 'utf8'))
const body = seed.slice(seed.indexOf('\n---\n', 4) + 5)
markdown.render({ markdown: body, references })
const renders: number[] = []
for (let i = 0; i < 100; i++)
  renders.push(
    (await time(() => markdown.render({ markdown: body, references, idPrefix: `b${i}-` })))[1],
  )

const root = path.join(work, 'site')
const options = { root, baseUrl: 'https://answers.example.org', rendererVersion: 'bench' }
peakRss = 0
const [full, fullMs] = await time(() => publishSite(payload, options))
const fullPeak = peakRss
const [, unchangedMs] = await time(() => publishSite(payload, options))
await fs.writeFile(
  path.join(content, 'articles', 'a0.md'),
  article(0, '\nOne more sentence, approved again.\n'),
)
await importContent(payload, await loadContentDir(content))
const [incremental, incrementalMs] = await time(() => publishSite(payload, options))

const page = await fs.readFile(
  path.join(root, 'current', 'articles', `${full.articles[0]}`, 'index.html'),
)
const css = await fs.readFile(path.join(root, 'current', 'assets', 'site.css'))
const js = await fs.readFile(path.join(root, 'current', 'assets', 'site.js'))
clearInterval(sampler)

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10
const results = [
  {
    name: 'Markdown render, seed article (median)',
    value: percentile(renders, 0.5),
    unit: 'ms',
    target: 50,
  },
  {
    name: 'Markdown render, seed article (p95)',
    value: percentile(renders, 0.95),
    unit: 'ms',
    target: 100,
  },
  { name: `Full publish, ${N} articles`, value: fullMs / 1000, unit: 's', target: 60 },
  { name: 'Publish with nothing changed', value: unchangedMs / 1000, unit: 's', target: 5 },
  {
    name: 'Incremental publish after one approval',
    value: incrementalMs / 1000,
    unit: 's',
    target: 5,
  },
  {
    name: 'Peak memory (RSS) during the full publish',
    value: fullPeak / 2 ** 20,
    unit: 'MiB',
    target: 1024,
  },
  { name: 'Article page HTML, gzipped', value: kb(gzipSync(page).length), unit: 'KiB', target: 50 },
  {
    name: 'Stylesheet + script, gzipped',
    value: kb(gzipSync(css).length + gzipSync(js).length),
    unit: 'KiB',
    target: 20,
  },
].map((r) => ({ ...r, value: Math.round(r.value * 10) / 10, met: r.value <= r.target }))

const facts = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  articles: N,
  importSeconds: Math.round(importMs / 100) / 10,
  fullPublish: { rendered: full.rendered.length, reused: full.reused },
  incrementalPublish: { rendered: incremental.rendered, reused: incremental.reused },
}
const report = [
  '# Performance report',
  '',
  `${facts.date} · ${facts.machine} · SQLite · ${N} approved articles (imported in ${facts.importSeconds} s)`,
  '',
  '| measure | value | target | |',
  '| --- | ---: | ---: | --- |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.value} ${r.unit} | ≤ ${r.target} ${r.unit} | ${r.met ? 'met' : '**missed**'} |`,
  ),
  '',
  `Full publish rendered ${full.rendered.length} files. After one approval the incremental publish rendered ` +
    `${incremental.rendered.length} (${incremental.rendered.join(', ')}) and reused ${incremental.reused}.`,
  '',
  'Timings are wall-clock on a shared machine: compare runs on the same machine, not across machines.',
  '',
].join('\n')
await fs.mkdir('bench-report', { recursive: true })
await fs.writeFile('bench-report/report.md', report)
await fs.writeFile('bench-report/report.json', JSON.stringify({ ...facts, results }, null, 2))
console.log(report)
await fs.rm(work, { recursive: true, force: true })
await closeAndExit(payload, results.every((r) => r.met) ? 0 : 1)
