import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importContent } from '../src/content/importContent'
import { ContentError, loadContentDir } from '../src/content/loadContentDir'
import { describePlan } from '../src/content/importPlan'
import { formatProblem } from '../src/content/problems'
import { articlesNaming } from '../src/publish/changes'
import { SiteReader } from '../src/publish/read'
import { unique } from './helpers/fixtures'
import { waitForMail } from './helpers/mailbox'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

const run = promisify(execFile)
const SEED = path.resolve('content')
let payload: Payload
let scratch: string

beforeAll(async () => {
  payload = await testPayload()
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'content-import-'))
})
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

/** Row counts of everything an import writes: equal snapshots mean nothing was written. */
async function snapshot() {
  const count = async (collection: 'users' | 'citations' | 'articles' | 'reviews') =>
    (await payload.count({ collection })).totalDocs
  return {
    users: await count('users'),
    citations: await count('citations'),
    articles: await count('articles'),
    reviews: await count('reviews'),
    versions: (await payload.countVersions({ collection: 'articles' })).totalDocs,
    settings: JSON.stringify(await payload.findGlobal({ slug: 'site-settings' })),
  }
}

/** A copy of the seed content folder, changed by `edit`, with unique keys/emails/slugs. */
async function contentVariant(edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(scratch, unique())
  await fs.cp(SEED, dir, { recursive: true })
  const id = unique()
  // Rename every key, email and slug so this copy never collides with other tests' data.
  for (const file of ['references.json', 'people.json', 'articles/low-alp-multiple-myeloma.md']) {
    const p = path.join(dir, file)
    const text = (await fs.readFile(p, 'utf8'))
      .replace(/"id": "([^"]+)"/g, `"id": "$1-${id}"`)
      .replace(/@([a-z0-9-]+)\]/g, `@$1-${id}]`)
      .replace(/@([a-z0-9-]+);/g, `@$1-${id};`)
      .replace(/editorial@example\.org/g, `editorial-${id}@example.org`)
      .replace(/^slug: (.*)$/m, `slug: $1-${id}`)
    await fs.writeFile(p, text)
  }
  await fs.rm(path.join(dir, 'site.yaml'))
  await edit(dir)
  return dir
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await importContent(payload, await loadContentDir(dir))
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem)
    throw error
  }
  throw new Error('expected the import to be refused')
}

async function editFile(dir: string, file: string, edit: (text: string) => string) {
  const p = path.join(dir, file)
  await fs.writeFile(p, edit(await fs.readFile(p, 'utf8')))
}

describe('content import', () => {
  it('imports the seed content: people, references in citation order, the article, settings', async () => {
    const report = await importContent(payload, await loadContentDir(SEED))
    expect(report.articles).toEqual({ created: 1, updated: 0, unchanged: 0 })
    expect(report.references.created).toBe(6)
    expect(report.people.created).toBe(1)
    // Another test file may have set some settings first; what matters is what they are now.
    expect(['created', 'updated']).toContain(report.settings)

    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: 'low-alp-multiple-myeloma-lytic-lesions' } },
      draft: true,
      depth: 1,
    })
    const article = docs[0]!
    expect(article.title).toBe(
      'Is low alkaline phosphatase (ALP) associated with multiple myeloma or lytic lesions?',
    )
    expect(article.state).toBe('draft')
    expect(article._status).toBe('draft')
    expect(article.variants?.map((v) => v.audience)).toEqual(['patient'])
    // Numbered in order of first use in the body, as readers will see them.
    expect(article.citations?.map((c) => (typeof c === 'object' ? c.key : c))).toEqual([
      'alp-myeloma-vs-solid-2021',
      'myeloma-bone-disease-markers',
      'balp-prognosis-myeloma',
      'bortezomib-alp-response',
      'carfilzomib-alp-response',
      'serum-flc-assay',
    ])
    const events = await payload.find({
      collection: 'reviews',
      where: { article: { equals: article.id } },
    })
    expect(events.docs.map((e) => [e.type, e.to])).toEqual([['import', 'draft']])

    const settings = await payload.findGlobal({ slug: 'site-settings' })
    expect(settings.siteName).toBe('Medical Answers')
    expect(settings.disclaimer).toMatch(/intended for healthcare professionals/)
    expect(settings.editorialPolicy).toMatch(/## How an answer is reviewed/)

    // People created by import cannot sign in until they set a password.
    const login = await new RestClient().post('/users/login', {
      email: 'editorial@example.org',
      password: '',
    })
    expect(login.status).not.toBe(200)
  })

  it('lets an imported person set a password through the reset flow, and only then sign in', async () => {
    const client = new RestClient()
    const email = 'editorial@example.org'
    expect((await client.post('/users/forgot-password', { email })).status).toBe(200)
    const mail = await waitForMail((m) => m.to.includes(email) && /reset/i.test(m.subject))
    const token = /\/admin\/reset\/([A-Za-z0-9]+)/.exec(mail.html || mail.text)?.[1]
    expect(token, mail.html || mail.text).toBeTruthy()
    const password = 'a-new-Password-for-editorial-1'
    expect((await client.post('/users/reset-password', { token, password })).status).toBe(200)
    expect((await client.post('/users/login', { email, password })).status).toBe(200)
  })

  it('is idempotent: importing the same folder again changes nothing', async () => {
    const before = await snapshot()
    const report = await importContent(payload, await loadContentDir(SEED))
    expect(report.articles).toEqual({ created: 0, updated: 0, unchanged: 1 })
    expect(report.references).toEqual({ created: 0, updated: 0, unchanged: 6 })
    expect(report.people).toEqual({ created: 0, updated: 0, unchanged: 1 })
    expect(report.settings).toBe('unchanged')
    expect(await snapshot()).toEqual(before)
  })

  it('updates what changed, and only that, as a new draft revision', async () => {
    const dir = await contentVariant(async () => {})
    await importContent(payload, await loadContentDir(dir))
    await editFile(dir, 'articles/low-alp-multiple-myeloma.md', (t) =>
      t.replace(
        'Check ALP level alongside imaging findings.',
        'Check the ALP level alongside imaging.',
      ),
    )
    const report = await importContent(payload, await loadContentDir(dir))
    expect(report.articles).toEqual({ created: 0, updated: 1, unchanged: 0 })
    expect(report.references.unchanged).toBe(6)
    const slug = (
      await fs.readFile(path.join(dir, 'articles/low-alp-multiple-myeloma.md'), 'utf8')
    ).match(/^slug: (.*)$/m)![1]
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: slug } },
      draft: true,
    })
    expect(docs[0]!.body).toContain('Check the ALP level alongside imaging.')
    expect(
      (
        await payload.countVersions({
          collection: 'articles',
          where: { parent: { equals: docs[0]!.id } },
        })
      ).totalDocs,
    ).toBe(2)
  })

  it('plans without writing on a dry run, saying what would change', async () => {
    const dir = await contentVariant(async () => {})
    const before = await snapshot()
    const report = await importContent(payload, await loadContentDir(dir), { dryRun: true })
    expect(await snapshot()).toEqual(before)
    expect(report.articles).toEqual({ created: 1, updated: 0, unchanged: 0 })
    expect(report.references.created).toBe(6)
    expect(describePlan(report.plan).join('\n')).toMatch(/create article +low-alp.*: draft/)
    // What it planned is what it then does.
    const applied = await importContent(payload, await loadContentDir(dir))
    expect({ ...applied, plan: undefined }).toEqual({ ...report, plan: undefined })
  })

  it('does not import over an article that is in review', async () => {
    const dir = await contentVariant(async () => {})
    await importContent(payload, await loadContentDir(dir))
    const file = path.join(dir, 'articles/low-alp-multiple-myeloma.md')
    const slug = (await fs.readFile(file, 'utf8')).match(/^slug: (.*)$/m)![1]!
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: slug } },
      draft: true,
    })
    // The article goes to review (as the workflow would move it).
    await payload.update({
      collection: 'articles',
      id: docs[0]!.id,
      data: { state: 'submitted' },
      draft: true,
      context: { workflow: 'test' },
    })
    await editFile(dir, 'articles/low-alp-multiple-myeloma.md', (t) =>
      t.replace('Check ALP level alongside imaging findings.', 'Check ALP first.'),
    )
    const before = await snapshot()
    const problems = await problemsOf(dir)
    expect(problems).toEqual([
      expect.stringMatching(
        /low-alp-multiple-myeloma\.md:\d+:\d+: The article is Submitted in the CMS, so its content is locked/,
      ),
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('imports an already-approved article as published, with its reviewer and an import event', async () => {
    const dir = await contentVariant(async (d) => {
      const id = unique()
      await editFile(d, 'people.json', (t) =>
        t.replace(
          /\]\s*$/,
          `, {"email": "board-${id}@example.org", "name": "Dr Board ${id}", "roles": ["reviewer"], "credentials": "MD"}]`,
        ),
      )
      await editFile(d, 'articles/low-alp-multiple-myeloma.md', (t) =>
        t.replace(
          /^---\n/,
          `---\nreview:\n  status: approved\n  reviewer: board-${id}@example.org\n  date: 2025-11-27\n`,
        ),
      )
    })
    await importContent(payload, await loadContentDir(dir))
    const slug = (
      await fs.readFile(path.join(dir, 'articles/low-alp-multiple-myeloma.md'), 'utf8')
    ).match(/^slug: (.*)$/m)![1]
    const published = (
      await payload.find({ collection: 'articles', where: { slug: { equals: slug } }, depth: 0 })
    ).docs[0]!
    expect(published._status).toBe('published')
    expect(published.state).toBe('approved')
    expect(published.approval?.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(published.approval?.approvedAt).toBe('2025-11-27T00:00:00.000Z')
    expect(published.reviewDue).toBe('2026-11-27T00:00:00.000Z')
    const anonymous = await new RestClient().get(`/articles/${published.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.title).toBe(published.title)
    // And importing it again is a no-op.
    expect((await importContent(payload, await loadContentDir(dir))).articles.unchanged).toBe(1)
  })

  describe('refuses bad input with file, line and reason, and writes nothing', () => {
    it.each([
      [
        'a malformed DOI',
        async (d: string) =>
          editFile(d, 'references.json', (t) =>
            t.replace(
              '"type": "article-journal",',
              '"type": "article-journal", "DOI": "doi:10.abc/x",',
            ),
          ),
        /references\.json:4:\d+: "0\.DOI": "10\.abc\/x" is not valid: a DOI looks like 10\.1234\/abc/,
      ],
      [
        'an unknown author email',
        async (d: string) =>
          editFile(d, 'articles/low-alp-multiple-myeloma.md', (t) =>
            t.replace(/^authors:\n {2}- .*$/m, 'authors:\n  - nobody@example.org'),
          ),
        /low-alp-multiple-myeloma\.md:12:\d+: unknown author nobody@example\.org: add them to people\.json/,
      ],
      [
        'an unknown citation key',
        async (d: string) =>
          editFile(d, 'articles/low-alp-multiple-myeloma.md', (t) =>
            t.replace('- disease stage [@', '- disease stage [@no-such-key] [@'),
          ),
        /low-alp-multiple-myeloma\.md:73:\d+: .*no-such-key/,
      ],
      [
        'malformed front matter',
        async (d: string) =>
          editFile(d, 'articles/low-alp-multiple-myeloma.md', (t) =>
            t.replace('topics:\n', 'topics: [unclosed\n'),
          ),
        /low-alp-multiple-myeloma\.md:\d+:\d+: Invalid YAML/,
      ],
      [
        'an unknown front matter key',
        async (d: string) =>
          editFile(d, 'articles/low-alp-multiple-myeloma.md', (t) =>
            t.replace('topics:\n', 'tpoics: [x]\ntopics:\n'),
          ),
        /low-alp-multiple-myeloma\.md:\d+(:\d+)?: .*tpoics/,
      ],
      [
        'a duplicate slug',
        async (d: string) => {
          const text = await fs.readFile(
            path.join(d, 'articles/low-alp-multiple-myeloma.md'),
            'utf8',
          )
          await fs.writeFile(path.join(d, 'articles/copy.md'), text)
        },
        /(copy|low-alp-multiple-myeloma)\.md:3:\d+: slug ".*" is also used by .*(copy|low-alp-multiple-myeloma)\.md/,
      ],
      [
        'an approving reviewer without the reviewer role',
        async (d: string) =>
          editFile(d, 'articles/low-alp-multiple-myeloma.md', (t) =>
            t
              .replace(
                /^---\n/,
                '---\nreview:\n  status: approved\n  reviewer: editorial-REPLACED\n  date: 2025-11-27\n',
              )
              .replace('editorial-REPLACED', t.match(/editorial-[a-z0-9]+@example\.org/)![0]),
          ),
        /cannot be its approving reviewer|does not have the reviewer role/,
      ],
    ])('%s', async (_name, edit, expected) => {
      const dir = await contentVariant(edit)
      const before = await snapshot()
      const problems = await problemsOf(dir)
      expect(problems.join('\n')).toMatch(expected)
      expect(await snapshot()).toEqual(before)
    })

    it('lists the problems of every article, and imports none of the others', async () => {
      const dir = await contentVariant(async (d) => {
        const file = path.join(d, 'articles/low-alp-multiple-myeloma.md')
        const text = await fs.readFile(file, 'utf8')
        const slug = text.match(/^slug: (.*)$/m)![1]!
        for (let i = 1; i <= 5; i++) {
          let copy = text.replace(/^slug: .*$/m, `slug: ${slug}-${i}`)
          if (i === 3 || i === 5)
            copy = copy.replace('- disease stage [@', '- disease stage [@gone] [@')
          await fs.writeFile(path.join(d, `articles/z-copy-${i}.md`), copy)
        }
      })
      const before = await snapshot()
      const problems = await problemsOf(dir)
      expect(problems).toEqual([
        expect.stringMatching(/z-copy-3\.md:\d+:\d+: .*gone/),
        expect.stringMatching(/z-copy-5\.md:\d+:\d+: .*gone/),
      ])
      expect(await snapshot()).toEqual(before)
    })

    it('rolls back everything when the CMS refuses a write part-way', async () => {
      const dir = await contentVariant(async () => {})
      const bundle = await loadContentDir(dir)
      // Past the file validation: a reference the CMS refuses, after people were written.
      bundle.references.push({ id: `late-${unique()}`, type: 'book', title: 'T', DOI: 'not-a-doi' })
      const before = await snapshot()
      await expect(importContent(payload, bundle)).rejects.toThrow(
        /references\.json \(late-[a-z0-9]+\): the CMS refused it: doi: "not-a-doi" is not valid: a DOI looks like/,
      )
      expect(await snapshot()).toEqual(before)
      const email = bundle.people[0]!.email
      expect(
        (await payload.count({ collection: 'users', where: { email: { equals: email } } }))
          .totalDocs,
      ).toBe(0)
    })

    it('exits non-zero from the command line, printing file:line: reason', async () => {
      const dir = await contentVariant(async (d) =>
        editFile(d, 'references.json', (t) =>
          t.replace('"type": "article-journal",', '"type": "article-journal", "PMID": "12a",'),
        ),
      )
      const before = await snapshot()
      const result = await run('npx', ['tsx', 'scripts/content-import.ts', dir], {
        env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      )
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /references\.json:4:\d+: "0\.PMID": "12a" is not valid: a PMID is 1 to 8 digits/,
      )
      expect(result.stderr).toMatch(/nothing was imported/)
      expect(await snapshot()).toEqual(before)
    })
  })
})

describe('no query grows with the size of the content', () => {
  // SQLite refuses more than 32 766 bound variables in one statement; an `in` list of every key
  // of a large content folder (or every id of a large site) would be one such statement.
  const many = 40_000

  it('plans an import of 40 000 references, reading what exists in chunks', async () => {
    const references = Array.from({ length: many }, (_, i) => ({
      id: `bound-${unique()}-${i}`,
      type: 'article-journal' as const,
      title: `Reference ${i}`,
    }))
    const seed = await loadContentDir(SEED)
    const bundle = { ...seed, references: [...seed.references, ...references] }
    const before = await snapshot()
    const report = await importContent(payload, bundle, { dryRun: true })
    expect(report.references.created).toBeGreaterThanOrEqual(many)
    expect(await snapshot()).toEqual(before)
  })

  it('reads the site for 40 000 changed articles, and the articles naming 40 000 references', async () => {
    const ids = Array.from({ length: many }, (_, i) => String(1_000_000 + i))
    expect(await new SiteReader(payload).byIds(ids, true)).toEqual([])
    expect(await articlesNaming(payload, 'citations', ids)).toEqual([])
  })
})
