import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { writeCorpus } from '../bench/corpus'
import { currentBuild, exportSite, rollback, SHARDS, sitePaths } from '../src/publish/build'
import { readSiteFile, readStaticFile } from '../src/publish/staticFiles'
import { createTestDatabase, type TestDatabase } from './testDatabase'

const run = promisify(execFile)

/**
 * A site of a few hundred articles in a database of its own (the other files' database stays as
 * small as they expect), made and changed by the real commands: `content:import`, `publish`, and
 * the benchmark's approval step (an edit taken through the workflow as its author and reviewer).
 */
const ARTICLES = 200
let db: TestDatabase
let work: string
let root: string
let slugs: string[]

const env = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SMTP_'))),
  DATABASE_URL: db.url,
  SITE_DIR: root,
  SITE_URL: 'https://answers.example.org',
  NODE_ENV: 'production',
  NODE_OPTIONS: '--no-deprecation',
})
const command = async (args: string[]) =>
  (await run(process.execPath, args, { env: env(), maxBuffer: 64 * 1024 * 1024 })).stdout
const publish = (...args: string[]) => command(['scripts/run.mjs', 'publish', ...args])

/** The publish report's line: how many articles, files made, manifest shards read and written. */
function reported(stdout: string) {
  const line = stdout.split('\n').find((l) => l.startsWith('Published '))!
  const figure = (re: RegExp) => Number(re.exec(line)?.[1] ?? NaN)
  return {
    articles: figure(/^Published (\d+) article/),
    made: figure(/(\d+) file\(s\) made/),
    shardsRead: figure(/(\d+) manifest shard\(s\) read/),
    shardsWritten: figure(/read, (\d+) written/),
  }
}

async function objectNames(): Promise<Set<string>> {
  const names = new Set<string>()
  const objects = sitePaths(root).objects
  for (const dir of await fs.readdir(objects)) {
    for (const name of await fs.readdir(path.join(objects, dir))) names.add(name)
  }
  return names
}

/** Every file of a folder, by relative path (search aside: a full index and a delta differ). */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.relative(dir, path.join(entry.parentPath, entry.name))
    if (!file.startsWith('search/')) out[file] = await fs.readFile(path.join(dir, file), 'utf8')
  }
  return out
}

beforeAll(async () => {
  db = await createTestDatabase(process.env.DATABASE_URL)
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'publish-scale-'))
  root = path.join(work, 'site')
  const corpus = await writeCorpus(path.join(work, 'corpus'), {
    articles: ARTICLES,
    references: 'shared',
  })
  slugs = corpus.slugs
  await command(['scripts/run.mjs', 'content-import', corpus.dir])
  expect(reported(await publish('--full')).articles).toBe(ARTICLES)
}, 600_000)
afterAll(async () => {
  await db?.drop()
  await fs.rm(work, { recursive: true, force: true })
})

describe(`one approval on a site of ${ARTICLES} articles`, () => {
  let before: string
  let after: string

  it('reads and writes a few manifest shards and objects, not the whole build', async () => {
    const live = (await currentBuild(root))!
    const shards = live.manifest.files.shards.filter(Boolean).length
    // The site is spread over most shards (an article's pages share one): "a few" below means
    // a few of many.
    expect(shards).toBeGreaterThan(SHARDS / 2)
    expect(live.manifest.files.size).toBeGreaterThan(2 * ARTICLES)
    const slug = slugs[3]!
    const page = `articles/${slug}/index.html`
    before = (await readSiteFile(root, page))!
    const objects = await objectNames()

    await command(['--import', 'tsx', 'bench/steps.ts', 'approve', slug])
    const report = reported(await publish())
    // The article's page and history, the home page, its topics, the feed, its sitemap, the
    // sitemap index and pages sitemap, the search delta and meta.
    expect(report.made).toBeLessThanOrEqual(16)
    expect(report.shardsRead).toBeLessThanOrEqual(16)
    expect(report.shardsWritten).toBeLessThanOrEqual(12)
    const made = [...(await objectNames())].filter((name) => !objects.has(name))
    // Those files, the shards written, the topic and sitemap groups and the search record.
    expect(made.length).toBeLessThanOrEqual(40)
    const manifest = await fs.stat(
      path.resolve(root, (await fs.readlink(sitePaths(root).current)) as string),
    )
    // Its size is the shard tables' and the ranked lists' kept entries, whatever the size of
    // the site (a manifest of the whole build held some 1.3 KB per article: 260 KB here).
    expect(manifest.size).toBeLessThan(160 * 1024)

    after = (await readSiteFile(root, page))!
    expect(after).toContain('One more sentence, approved again')
    expect(before).not.toContain('One more sentence, approved again')
  })

  it('serves, exports and rolls back the sharded build', async () => {
    const slug = slugs[3]!
    const served = await readStaticFile(root, `/articles/${slug}/`)
    expect(served?.status).toBe(200)
    expect(served?.body.toString('utf8')).toBe(after)
    expect((await readStaticFile(root, '/no/such/page/'))?.status).toBe(404)

    const out = path.join(work, 'export')
    const count = await exportSite(root, out)
    expect(count).toBe((await currentBuild(root))!.manifest.files.size)
    expect(await fs.readFile(path.join(out, `articles/${slug}/index.html`), 'utf8')).toBe(after)

    await rollback(root)
    expect(await readSiteFile(root, `articles/${slug}/index.html`)).toBe(before)
    expect((await readStaticFile(root, `/articles/${slug}/`))?.body.toString('utf8')).toBe(before)
    await rollback(root)
    expect(await readSiteFile(root, `articles/${slug}/index.html`)).toBe(after)
  })

  it('makes, one change after another, the same site as a full publish', async () => {
    for (const slug of slugs.slice(10, 13)) {
      await command(['--import', 'tsx', 'bench/steps.ts', 'approve', slug])
      await publish()
    }
    const incremental = path.join(work, 'incremental')
    await exportSite(root, incremental)
    const fresh = path.join(work, 'fresh')
    await publish('--out', fresh, '--full')
    const full = path.join(work, 'full')
    await exportSite(fresh, full)
    const [a, b] = [await filesOf(incremental), await filesOf(full)]
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort())
    for (const file of Object.keys(b)) expect(a[file], file).toBe(b[file])
  }, 300_000)
})
