import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Payload } from 'payload'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fromRegistryCsl } from '../src/references'
import { unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'

const run = promisify(execFile)
const FIXTURES = path.resolve('src/references/fixtures')
const fixture = (name: string) => fs.readFile(path.join(FIXTURES, 'import', name), 'utf8')
let payload: Payload
let scratch: string

beforeAll(async () => {
  payload = await testPayload()
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'reference-files-'))
})
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
  // What the first test imported: other files paste the same real exports.
  await payload.delete({
    collection: 'citations',
    where: { key: { in: ['sasson_increasing_2013', 'bryan2008using', 'manoubi2022lichtenberg'] } },
  })
})

/**
 * A content folder holding only the reference files given (and an empty articles folder), so
 * what it imports can be removed afterwards without touching any article.
 */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = path.join(scratch, unique())
  await fs.mkdir(path.join(dir, 'articles'), { recursive: true })
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text)
  return dir
}

/** `node scripts/run.mjs content-import DIR`, as `npm run content:import` runs it. */
async function contentImport(...args: string[]) {
  return run('node', ['scripts/run.mjs', 'content-import', ...args], {
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  )
}

const citation = async (key: string) =>
  (await payload.find({ collection: 'citations', where: { key: { equals: key } } })).docs[0]

describe('content:import reads references.bib, .ris and .nbib', () => {
  it('imports BibTeX with its keys and RIS/MEDLINE with generated keys, and prints those', async () => {
    const ris = (await fixture('scopus-crlf.ris')).split('\r\n\r\n')[0] + '\r\n'
    const dir = await folder({
      'references.bib': await fixture('zotero-sasson2013.bib'),
      'references.ris': ris,
      'references.nbib': await fixture('pubmed-36216673-crlf.nbib'),
    })
    const result = await contentImport(dir)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/references\s+3 created/)
    expect(result.stdout).toMatch(
      /key bryan2008using\s+\S*references\.ris:1 \(generated: cite it as \[@bryan2008using\]\)/,
    )
    expect(result.stdout).toMatch(/key manoubi2022lichtenberg\s+\S*references\.nbib:1/)
    expect(result.stdout).not.toMatch(/key sasson_increasing_2013/)

    expect(await citation('sasson_increasing_2013')).toMatchObject({
      containerTitle: 'Circulation',
      doi: '10.1161/CIR.0b013e318288b4dd',
      pmid: '23439512',
      issued: { year: 2013, month: 3 },
    })
    expect(await citation('bryan2008using')).toMatchObject({
      doi: '10.1016/S0027-9684(15)31340-7',
      page: '674-682',
    })
    expect(await citation('manoubi2022lichtenberg')).toMatchObject({
      pmid: '36216673',
      doi: '10.1016/j.wem.2022.07.008',
    })

    // The same folder again changes nothing: the generated keys are the same.
    const again = await contentImport(dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/references\s+0 created, 0 updated, 3 unchanged/)
  })

  it('refuses a folder with a broken entry and a duplicate across files, printing file:line: reason', async () => {
    const recorded = parse(
      await fs.readFile(
        path.join(FIXTURES, 'recorded', 'crossref-csl-json-10.1126-science.169.3946.635.yaml'),
        'utf8',
      ),
    ) as { interactions: Array<{ response: { content: string } }> }
    const frank = {
      ...fromRegistryCsl(JSON.parse(recorded.interactions.at(-1)!.response.content)),
      id: `frank-${unique()}`,
    }
    const bib =
      (await fixture('google-scholar-oliveira2009.bib')) +
      '\n@article{broken title = {No comma after the key}}\n' +
      (await fixture('doi-org-frank1970.bib'))
    const dir = await folder({
      'references.json': JSON.stringify([frank], null, 2),
      'references.bib': bib,
    })
    const before = (await payload.count({ collection: 'citations' })).totalDocs
    const result = await contentImport(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /references\.bib:2:\d+: BibTeX entry 2 cannot be read: expected "comma", got "label"/,
    )
    expect(result.stderr).toMatch(
      new RegExp(
        `references\\.bib:3: the same work as "${frank.id}" \\(same DOI\\) in \\S*references\\.json: keep one of them`,
      ),
    )
    expect(result.stderr).toMatch(/nothing was imported/)
    expect((await payload.count({ collection: 'citations' })).totalDocs).toBe(before)
  })

  it('never lets a generated key overwrite a different stored reference', async () => {
    const other = await payload.create({
      collection: 'citations',
      data: { key: 'gout1993gtpase', type: 'book', title: 'A different work entirely' },
    })
    try {
      const dir = await folder({
        'references.nbib': await fixture('pubmed-8402898.nbib'),
      })
      const result = await contentImport(dir)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /references\.nbib:2: the key generated for this reference, "gout1993gtpase", is already used in the database by "A different work entirely"/,
      )
      expect((await citation('gout1993gtpase'))?.title).toBe('A different work entirely')
    } finally {
      await payload.delete({ collection: 'citations', id: other.id })
    }
  })
})
