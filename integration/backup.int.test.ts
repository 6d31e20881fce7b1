import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../payload-types'
import { type History, HISTORY_FILE } from '../src/content/history'
import { createCitation, createUser, PASSWORD } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { approveThroughWorkflow, RestClient } from './helpers/rest'
import { createTestDatabase, type TestDatabase } from './testDatabase'

const run = promisify(execFile)
let payload: Payload
let scratch: string
const databases: TestDatabase[] = []

beforeAll(async () => {
  payload = await testPayload()
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'backup-'))
})
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()))
  await fs.rm(scratch, { recursive: true, force: true })
})

/** `npm run content:export|import -- ARGS` on the database at `url`, as an operator runs it. */
async function command(name: 'content-export' | 'content-import', url: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['scripts/run.mjs', name, ...args], {
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: '--no-deprecation' },
      maxBuffer: 64 * 1024 * 1024,
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? -1, output: `${e.stdout}${e.stderr}` }
  }
}

/** A new, empty, migrated-on-first-use database on the same server as the suite's. */
async function emptyDatabase(): Promise<string> {
  const database = await createTestDatabase(process.env.DATABASE_URL)
  databases.push(database)
  return database.url
}

/** Every file of a folder, by path, as text. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, file), await fs.readFile(file, 'utf8'))
  }
  return files
}

const history = async (dir: string): Promise<History> =>
  JSON.parse(await fs.readFile(path.join(dir, HISTORY_FILE), 'utf8'))

describe('backup and restore: npm run content:export, then content:import into an empty database', () => {
  it('gives back the same articles, references, profiles, states and audit trail, field by field', async () => {
    // A site in every state the workflow knows, made as people make it.
    const author = await createUser(payload, ['author'], 'Dr Ada Author')
    const reviewer = await createUser(payload, ['reviewer'], 'Dr Rita Reviewer')
    const leaving = await createUser(payload, ['reviewer'], 'Dr Lee Leaving')
    const editor = await createUser(payload, ['editor'])
    const as = {
      author: await RestClient.login(author.email, PASSWORD),
      reviewer: await RestClient.login(reviewer.email, PASSWORD),
      leaving: await RestClient.login(leaving.email, PASSWORD),
      editor: await RestClient.login(editor.email, PASSWORD),
    }
    const refs = await Promise.all(
      [0, 1, 2].map((n) =>
        createCitation(payload, {
          title: `Reference ${n} — “quoted”, with émphasis`,
          doi: `10.1000/backup.${n}`,
          pmid: String(31000000 + n),
          containerTitle: 'J Test',
          issued: { year: 2020 + n },
          csl: { ISSN: '1234-5678', abstract: 'Kept, every field.', language: 'en' },
          // The first is verified below by the reviewer, who is then recorded.
          verified: n !== 0,
        }),
      ),
    )
    expect((await as.reviewer.patch(`/citations/${refs[0]!.id}`, { verified: true })).status).toBe(
      200,
    )
    const write = async (title: string, extra: Partial<Article> = {}) => {
      const res = await as.author.post('/articles?draft=true', {
        title,
        summary: 'A summary with trailing space ',
        body: `Line one [@${refs[0]!.key}].\r\n\r\n- a list [@${refs[1]!.key}]\n\n  trailing  \n`,
        authors: [author.id],
        citations: refs.map((r) => r.id),
        topics: ['Backups', 'Audit'],
        variants: [{ audience: 'patient', body: `  Plain words [@${refs[0]!.key}].\n\n\n` }],
        ...extra,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.doc.id as number
    }
    const act = async (client: RestClient, id: number, action: string, comment?: string) => {
      const res = await client.post(`/articles/${id}/workflow`, { action, comment })
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200)
    }
    const draft = await write('Is a draft kept as a draft? ')
    const submitted = await write('Is a submitted article kept?')
    await act(as.author, submitted, 'submit')
    const inReview = await write('Is an article in review kept?')
    await act(as.author, inReview, 'submit')
    await act(as.leaving, inReview, 'start_review')
    const changes = await write('Are requested changes kept?')
    await act(as.author, changes, 'submit')
    await act(as.reviewer, changes, 'start_review')
    await act(as.reviewer, changes, 'comment', 'Line 2: which trial?')
    // Two review comments on passages, one answered and resolved: the request carries the other.
    const passage = 'a list'
    const body = (await payload.findByID({ collection: 'articles', id: changes, draft: true })).body
    const note = async (client: RestClient, data: object) => {
      const res = await client.post(`/articles/${changes}/comments`, data)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.comment.id as number
    }
    const anchor = (exact: string) => ({
      field: 'body',
      start: body.indexOf(exact),
      end: body.indexOf(exact) + exact.length,
      exact,
    })
    const asked = await note(as.reviewer, {
      kind: 'comment',
      body: 'Which list?',
      anchor: anchor(passage),
    })
    await note(as.author, { kind: 'reply', thread: asked, body: 'The first one.' })
    await note(as.author, { kind: 'resolve', thread: asked })
    await note(as.reviewer, { kind: 'comment', body: 'Cite it.', anchor: anchor('Line one') })
    await act(as.reviewer, changes, 'request_changes', 'Cite the 2021 trial.\nThen resubmit.')
    const approved = await write('Is an approved article kept?')
    await approveThroughWorkflow(approved, as.author, as.reviewer, 'Checked against the sources.')
    const redrafted = await write('Is a live article with a newer draft kept?')
    await approveThroughWorkflow(redrafted, as.author, as.reviewer)
    expect(
      (
        await as.author.patch(`/articles/${redrafted}?draft=true`, {
          body: `A newer draft [@${refs[2]!.key}].`,
        })
      ).status,
    ).toBe(200)
    const unpublished = await write('Is an unpublished article kept?')
    await approveThroughWorkflow(unpublished, as.author, as.leaving)
    await act(as.editor, unpublished, 'unpublish', 'Superseded.')
    // After they acted: the reviewer renames herself and one reviewer leaves (deactivated).
    await payload.update({
      collection: 'users',
      id: reviewer.id,
      data: { name: 'Dr Rita Newname', credentials: 'MD, PhD' },
    })
    await payload.update({ collection: 'users', id: leaving.id, data: { deactivated: true } })

    // The whole database, other test files' content included, to a backup.
    const first = path.join(scratch, 'first')
    const exported = await command('content-export', process.env.DATABASE_URL!, first)
    expect(exported.code, exported.output).toBe(0)
    const record = await history(first)
    const slugOf = async (id: number) =>
      (await payload.findByID({ collection: 'articles', id, draft: true })).slug
    const of = async (id: number) => record.articles[await slugOf(id)]!
    expect((await of(draft)).latest.state).toBe('draft')
    expect((await of(submitted)).latest.state).toBe('submitted')
    expect((await of(inReview)).latest.reviewers).toEqual([leaving.email])
    expect((await of(changes)).latest.state).toBe('changes_requested')
    expect((await of(changes)).events.map((e) => e.comment)).toContain(
      'Cite the 2021 trial.\nThen resubmit.',
    )
    expect((await of(changes)).comments?.map((c) => [c.kind, c.thread, c.author])).toEqual([
      ['comment', null, reviewer.email],
      ['reply', 0, author.email],
      ['resolve', 0, author.email],
      ['comment', null, reviewer.email],
    ])
    expect((await of(changes)).comments?.[0]?.anchor).toMatchObject({ exact: 'a list' })
    expect(
      (await of(changes)).events.find((e) => e.type === 'request_changes')?.openComments,
    ).toEqual([3])
    expect((await of(approved)).live).toBe(true)
    expect((await of(approved)).published).toBeUndefined()
    expect((await of(approved)).latest.approval.approvedBy).toBe(reviewer.email)
    // The approval binds the exported text: restored, the publisher accepts it as approved.
    expect((await of(approved)).latest.hash).toBe((await of(approved)).latest.approval.hash)
    expect((await of(redrafted)).published?.hash).toBe(
      (await of(redrafted)).published?.approval.hash,
    )
    expect((await of(redrafted)).published?.state).toBe('approved')
    expect((await of(redrafted)).latest.citations).toEqual(refs.map((r) => r.key))
    expect((await of(unpublished)).live).toBe(false)
    const approveEvent = (await of(approved)).events.find((e) => e.type === 'approve')!
    expect(approveEvent).toMatchObject({
      actor: reviewer.email,
      actorName: 'Dr Rita Reviewer',
      comment: 'Checked against the sources.',
    })
    expect(record.people[leaving.email]).toMatchObject({ deactivated: true })
    expect(record.references[refs[0]!.key]).toMatchObject({
      verified: true,
      verifiedBy: reviewer.email,
    })
    const redraftedSlug = await slugOf(redrafted)
    expect(
      await fs.readFile(path.join(first, 'published', `${redraftedSlug}.md`), 'utf8'),
    ).toContain('Line one')

    // Restored into an empty database, then exported again: the same folder, file for file.
    const restoredUrl = await emptyDatabase()
    const restored = await command('content-import', restoredUrl, first)
    expect(restored.code, restored.output).toBe(0)
    expect(restored.output).toMatch(/Restored .* review events/)
    const second = path.join(scratch, 'second')
    const again = await command('content-export', restoredUrl, second)
    expect(again.code, again.output).toBe(0)
    const [before, after] = [await readTree(first), await readTree(second)]
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    for (const [file, text] of before) {
      if (file === HISTORY_FILE) {
        const { exportedAt: _a, ...was } = JSON.parse(text) as History
        const { exportedAt: _b, ...is } = JSON.parse(after.get(file)!) as History
        expect(is, file).toEqual(was)
      } else expect(after.get(file), file).toBe(text)
    }

    // A backup restores into an empty database only: a second restore is refused, nothing added.
    const twice = await command('content-import', restoredUrl, first)
    expect(twice.code).toBe(1)
    expect(twice.output).toContain('restores into an empty database only')
  }, 240_000)

  it('has a place for every field, or a reason it is not in a backup', () => {
    // What a backup holds of each collection (src/content/exportContent.ts writes these)…
    const inBackup: Record<string, string[]> = {
      users: [
        'email',
        'name',
        'roles',
        'deactivated',
        'slug',
        'credentials',
        'specialty',
        'bio',
      ].concat(['disclosures', 'orcid']),
      citations: ['key', 'type', 'title', 'authors', 'containerTitle', 'publisher', 'issued']
        .concat(['volume', 'issue', 'page', 'doi', 'pmid', 'pmcid', 'isbn', 'url', 'note', 'csl'])
        .concat(['verified', 'verifiedBy', 'verifiedAt']),
      articles: ['title', 'slug', 'summary', 'topics', 'body', 'variants', 'citations'].concat([
        'authors',
        'reviewers',
        'state',
        'reviewDue',
        'approval',
        '_status',
      ]),
      reviews: [
        'article',
        'type',
        'actor',
        'actorName',
        'actorCredentials',
        'at',
        'from',
        'to',
      ].concat(['contentHash', 'comment', 'assignee', 'references', 'openComments']),
      comments: ['article', 'kind', 'thread', 'author', 'authorName', 'body', 'at', 'anchor']
        .concat(['field', 'exact', 'prefix', 'suffix', 'start', 'end'])
        .concat(['contentHash']),
    }
    // …and what it leaves out, with the reason.
    const notInBackup: Record<string, string[]> = {
      // Database bookkeeping: new ids and timestamps in the new database (an event keeps `at`).
      all: ['id', 'createdAt', 'updatedAt'],
      // Secrets and sign-in state: people set a new password after a restore.
      users: ['password', 'hash', 'salt', 'sessions', 'resetPasswordToken']
        .concat(['resetPasswordExpiration', 'loginAttempts', 'lockUntil', 'apiKey', 'apiKeyIndex'])
        .concat(['enableAPIKey', 'resetPasswordRequestedAt']),
      // Admin widgets, not data.
      articles: ['reviewPanel', 'pagePreview'],
    }
    // Whole collections a backup leaves out, with the reason.
    const collectionsNotInBackup: Record<string, string> = {
      'preview-links': 'short-lived grants to see one revision; every use is an event in the trail',
      questions: "readers' questions hold their email addresses and are not content",
      'article-renders': 'kept renderings, made again from the articles',
      'site-changes': 'the change log of the publisher, made again by the next publish',
    }
    const ours = Object.keys(payload.collections).filter((slug) => !slug.startsWith('payload-'))
    expect(
      ours.filter((slug) => !(slug in inBackup) && !(slug in collectionsNotInBackup)),
      'collections neither in a backup nor listed as left out',
    ).toEqual([])
    for (const [slug, fields] of Object.entries(inBackup)) {
      const known = new Set([...fields, ...notInBackup.all!, ...(notInBackup[slug] ?? [])])
      const names = payload.collections[slug as 'users'].config.flattenedFields.map((f) => f.name)
      expect(
        names.filter((name) => !known.has(name)),
        slug,
      ).toEqual([])
    }
  })

  it('refuses a backup whose article was edited after export, and writes nothing', async () => {
    const author = await createUser(payload, ['author'])
    const reviewer = await createUser(payload, ['reviewer'])
    const ref = await createCitation(payload)
    const res = await (
      await RestClient.login(author.email, PASSWORD)
    ).post('/articles?draft=true', {
      title: 'Is an edited backup refused?',
      body: `Yes [@${ref.key}].`,
      authors: [author.id],
      citations: [ref.id],
    })
    await approveThroughWorkflow(
      res.body.doc.id,
      await RestClient.login(author.email, PASSWORD),
      await RestClient.login(reviewer.email, PASSWORD),
    )
    const dir = path.join(scratch, 'edited')
    expect((await command('content-export', process.env.DATABASE_URL!, dir)).code).toBe(0)
    const file = path.join(dir, 'articles', `${res.body.doc.slug}.md`)
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('Yes', 'No'))

    const url = await emptyDatabase()
    const refused = await command('content-import', url, dir)
    expect(refused.code).toBe(1)
    expect(refused.output).toContain(`${res.body.doc.slug}.md: changed since it was exported`)
    expect(refused.output).toContain('nothing was imported')
    // Nothing was written: the database is still empty, so the untouched backup restores into it.
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('No', 'Yes'))
    const restored = await command('content-import', url, dir)
    expect(restored.code, restored.output).toBe(0)
  }, 240_000)
})
