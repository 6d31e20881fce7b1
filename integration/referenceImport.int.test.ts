import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { setLookupFetch } from '../src/content/lookupReferences'
import { replayFetch } from '../src/references/fixtures/recorded/replay'
import { createUser, PASSWORD, unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'
import { RestClient } from './helpers/rest'

const fixture = (name: string) =>
  fs.readFile(path.resolve('src/references/fixtures/import', name), 'utf8')

let payload: Payload
let author: RestClient
let threeBibtex: string
const made: Array<string | number> = []

beforeAll(async () => {
  payload = await testPayload()
  const user = await createUser(payload, ['author'])
  author = await RestClient.login(user.email, PASSWORD)
  threeBibtex = [
    await fixture('zotero-sasson2013.bib'),
    await fixture('doi-org-frank1970.bib'),
    await fixture('google-scholar-oliveira2009.bib'),
  ].join('\n')
})
afterAll(async () => {
  for (const id of made) await payload.delete({ collection: 'citations', id }).catch(() => {})
})

const count = async () => (await payload.count({ collection: 'citations' })).totalDocs
const preview = (client: RestClient, text: string, format?: string) =>
  client.request('POST', '/citations/import', { text, ...(format && { format }) })
const save = async (client: RestClient, references: Array<{ key: string; csl: unknown }>) => {
  const res = await client.request('POST', '/citations/import/save', { references })
  if (res.status === 201) made.push(...res.body.created.map((c: { id: string | number }) => c.id))
  return res
}

describe('POST /api/citations/import: preview', () => {
  it('previews pasted BibTeX in the site citation style, with keys, and saves nothing', async () => {
    const before = await count()
    const res = await preview(author, threeBibtex)
    expect(res.status).toBe(200)
    const settings = await payload.findGlobal({ slug: 'site-settings' })
    expect(res.body.style).toBe(settings.citationStyle ?? 'vancouver')
    expect(res.body.formatLabel).toBe('BibTeX')
    expect(res.body.problems).toEqual([])
    const entries = res.body.entries
    expect(entries.map((e: { key: string }) => e.key)).toEqual([
      'sasson_increasing_2013',
      'Frank_1970',
      'Oliveira_2009',
    ])
    expect(entries.map((e: { line: number }) => e.line)).toEqual([1, 17, 19])
    expect(entries[0].html).toMatch(/^Sasson C, Meischke H, Abella BS/)
    expect(entries[0].html).toContain('href="https://doi.org/10.1161/CIR.0b013e318288b4dd"')
    expect(entries[0].csl).toMatchObject({ PMID: '23439512', 'container-title': 'Circulation' })
    expect(entries[0].csl).not.toHaveProperty('id')
    expect(entries.every((e: { problems: unknown[] }) => e.problems.length === 0)).toBe(true)
    expect(await count()).toBe(before)
  })

  it('gives each entry its problems with lines, and reads the others', async () => {
    const res = await preview(author, (await fixture('scopus-crlf.ris')) + '\r\n')
    expect(res.status).toBe(200)
    expect(res.body.entries[0]).toMatchObject({ key: 'bryan2008using', problems: [] })
    expect(res.body.entries[1]).toMatchObject({
      line: 20,
      problems: [{ line: 20, message: expect.stringMatching(/needs a title/) }],
    })
    expect(res.body.entries[1]).not.toHaveProperty('csl')
    const unknown = await preview(author, 'Smith J. A paper. 2020.')
    expect(unknown.body.problems[0].message).toMatch(/could not tell the format/)
  })

  it('looks DOIs and PMIDs up, and says plainly when a service cannot be reached', async () => {
    const nbib = await fixture('pubmed-25744111.nbib')
    const recorded = replayFetch({
      'https://doi.org/10.1126/science.169.3946.635':
        'crossref-csl-json-10.1126-science.169.3946.635.yaml',
      'https://doi.org/10.1126/foo': 'doi-org-404-10.1126-foo.yaml',
    })
    const restore = setLookupFetch(async (input, init) => {
      // NCBI's exporter answers format=medline with PubMed's MEDLINE record (a real export).
      if (String(input).includes('id=25744111')) return new Response(nbib, { status: 200 })
      // A DOI whose registry never answers: the look-up must give up, not hang.
      if (String(input).includes('10.1000/slow')) {
        return new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        )
      }
      return recorded(input, init)
    })
    try {
      const started = Date.now()
      const res = await preview(
        author,
        'https://doi.org/10.1126/science.169.3946.635\nPMID: 25744111\n10.1126/foo\n10.1000/slow\n10.5555/offline',
      )
      expect(Date.now() - started).toBeLessThan(8000)
      expect(res.status).toBe(200)
      expect(res.body.formatLabel).toBe('DOIs and PMIDs')
      const [frank, fujiwara, missing, slow, offline] = res.body.entries
      expect(frank).toMatchObject({
        key: 'frank1970structure',
        problems: [],
        csl: { DOI: '10.1126/science.169.3946.635', 'container-title': 'Science' },
      })
      expect(frank.html).toMatch(/^Frank HS\. The Structure of Ordinary Water\. Science/)
      expect(fujiwara).toMatchObject({
        key: 'fujiwara2015effectiveness',
        csl: { PMID: '25744111' },
      })
      expect(missing.problems[0].message).toBe(
        'doi.org has no record of DOI 10.1126/foo: check it for typos',
      )
      expect(slow.problems[0].message).toMatch(
        /^Could not reach doi\.org within 5 s to look up DOI 10\.1000\/slow: nothing was filled in/,
      )
      expect(offline.problems[0].message).toMatch(
        /^Could not reach doi\.org to look up DOI 10\.5555\/offline \(no network\): nothing was filled in/,
      )
      for (const failed of [missing, slow, offline]) expect(failed).not.toHaveProperty('csl')
    } finally {
      restore()
    }
  })

  it('never sends markup from the pasted text: the preview is sanitized', async () => {
    const res = await preview(
      author,
      '@article{x1, title = {<img src=x onerror=alert(1)> <script>alert(2)</script> Heart}, journal = {<a href="javascript:alert(3)">J</a>}, year = 2020, author = {Roe, Ann}}\n@misc{x2, title = {Bad link}, url = {javascript:alert(4)}, year = 2020}',
    )
    expect(res.status).toBe(200)
    const [first, second] = res.body.entries
    // The markup arrives as text (escaped), never as elements or links.
    expect(first.html).not.toMatch(/<(img|script)\b|<a [^>]*href="javascript/i)
    expect(first.html).not.toContain('<a ')
    expect(first.html).toContain('&#x3C;script>alert(2)&#x3C;/script> Heart')
    expect(second.problems[0].message).toMatch(/"URL": "javascript:alert\(4\)" is not valid/)
    expect(second).not.toHaveProperty('html')
  })

  it('is refused to the signed-out', async () => {
    const res = await preview(new RestClient(), threeBibtex)
    expect(res.status).toBe(401)
    expect(res.body.errors[0].data.code).toBe('unauthorized')
    const saved = await save(new RestClient(), [
      { key: 'x2020y', csl: { type: 'book', title: 'T' } },
    ])
    expect(saved.status).toBe(401)
  })
})

describe('POST /api/citations/import/save', () => {
  it('saves the chosen entries under edited keys, then flags them as duplicates in a new preview', async () => {
    const first = await preview(author, threeBibtex)
    const [sasson, frank] = first.body.entries
    const id = unique()
    const res = await save(author, [
      { key: `sasson2013-${id}`, csl: sasson.csl },
      { key: `frank1970-${id}`, csl: frank.csl },
    ])
    expect(res.status).toBe(201)
    expect(res.body.created.map((c: { key: string }) => c.key)).toEqual([
      `sasson2013-${id}`,
      `frank1970-${id}`,
    ])
    const stored = (
      await payload.find({
        collection: 'citations',
        where: { key: { equals: `sasson2013-${id}` } },
      })
    ).docs[0]
    expect(stored).toMatchObject({
      title: expect.stringMatching(/^Increasing cardiopulmonary resuscitation provision/),
      containerTitle: 'Circulation',
      doi: '10.1161/CIR.0b013e318288b4dd',
      pmid: '23439512',
      issued: { year: 2013, month: 3 },
      verified: false,
    })
    // BibTeX's braced organisation names are read whole, as a family name.
    expect(stored?.authors?.[15]).toMatchObject({
      family: 'American Heart Association Council on Quality of Care and Outcomes Research',
    })

    const again = await preview(author, threeBibtex)
    expect(again.body.entries[0].duplicate).toEqual({
      key: `sasson2013-${id}`,
      reason: 'doi',
      label: 'same DOI',
      existing: true,
    })
    expect(again.body.entries[1].duplicate).toMatchObject({
      key: `frank1970-${id}`,
      existing: true,
    })
    expect(again.body.entries[2]).not.toHaveProperty('duplicate')
  })

  it('is all or nothing: a duplicate, a taken or repeated key, or a bad entry saves nothing', async () => {
    const [sasson, , oliveira] = (await preview(author, threeBibtex)).body.entries
    const id = unique()
    const before = await count()
    const res = await save(author, [
      { key: `ok-${id}`, csl: oliveira.csl },
      { key: `again-${id}`, csl: sasson.csl },
      { key: `ok-${id}`, csl: { type: 'book', title: 'Another book' } },
      { key: `bad key ${id}`, csl: { type: 'book', title: 'A third book' } },
      { key: `untitled-${id}`, csl: { type: 'book' } },
    ])
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.code).toBe('import_problems')
    expect(
      res.body.errors[0].data.problems.map((p: { index: number; code: string }) => [
        p.index,
        p.code,
      ]),
    ).toEqual([
      [1, 'duplicate'],
      [2, 'key_repeated'],
      [3, 'invalid_reference'],
      [4, 'invalid_reference'],
    ])
    expect(res.body.errors[0].data.problems[0].message).toMatch(
      /same DOI\) as the stored reference "sasson2013-/,
    )
    expect(await count()).toBe(before)

    const taken = await save(author, [{ key: `ok-${id}`, csl: oliveira.csl }])
    expect(taken.status).toBe(201)
    const clash = await save(author, [
      { key: `ok-${id}`, csl: { type: 'book', title: 'Different' } },
    ])
    expect(clash.status).toBe(409)
    expect(clash.body.errors[0].data.problems[0].code).toBe('key_taken')
  })
})
