import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteSetting } from '../payload-types'
import { importContent } from '../src/content/importContent'
import { readSiteFile } from '../src/publish/staticFiles'
import { loadContentDir } from '../src/content/loadContentDir'
import { publishSite, type PublishOptions } from '../src/publish/publishSite'
import { unique } from './helpers/fixtures'
import { testPayload } from './helpers/payload'

const EXPORTS = path.resolve('src/references/fixtures')
const id = unique()
const key = (name: string) => `${name}-${id}`
const slug = `myeloma-criteria-${id}`
let payload: Payload
let dir: string
let root: string
let settingsBefore: SiteSetting

/**
 * A content folder whose references.json is what a user gets from their reference manager: the
 * Zotero and PubMed exports in src/references/fixtures, with every field those tools write, one
 * DOI pasted with its resolver and one PMID written as a number. An approved article cites them.
 */
async function writeContent(): Promise<void> {
  const read = async (file: string) =>
    JSON.parse(await fs.readFile(path.join(EXPORTS, file), 'utf8')) as Record<string, unknown>[]
  const [polack, donk, harrison, nci] = await read('zotero-export.json')
  const [rajkumar] = await read('pubmed-export.json')
  const references: Record<string, unknown>[] = [polack!, donk!, harrison!, nci!, rajkumar!].map(
    (item) => ({ ...item, id: key(String(item.id)) }),
  )
  references[0]!.DOI = 'https://doi.org/10.1056/NEJMoa2034577'
  references[4]!.PMID = 25439696
  await fs.mkdir(path.join(dir, 'articles'), { recursive: true })
  await fs.writeFile(path.join(dir, 'references.json'), JSON.stringify(references, null, '\t'))
  await fs.writeFile(
    path.join(dir, 'people.json'),
    JSON.stringify([
      { email: `author-${id}@example.org`, name: `Dr Author ${id}`, roles: ['author'] },
      { email: `board-${id}@example.org`, name: `Dr Board ${id}`, roles: ['reviewer'] },
    ]),
  )
  await fs.writeFile(
    path.join(dir, 'articles', 'criteria.md'),
    `---
title: Which criteria define multiple myeloma (${id})?
slug: ${slug}
summary: The International Myeloma Working Group criteria.
authors:
  - author-${id}@example.org
review:
  status: approved
  reviewer: board-${id}@example.org
  date: ${new Date().toISOString().slice(0, 10)}
---
## Answer

The International Myeloma Working Group criteria define it [@${key('pmid:25439696')}; @${key('vandedonk2021')}].
Vaccination is recommended as for everyone [@${key('polack2020')}]; textbooks [@${key('harrison21')}]
and the National Cancer Institute [@${key('nci-pdq-myeloma')}] give the work-up.
`,
  )
}

const options = (): PublishOptions => ({
  root,
  baseUrl: 'https://answers.example.org',
  rendererVersion: 'test',
})
const page = async () => (await readSiteFile(root, `articles/${slug}/index.html`)) ?? ''

beforeAll(async () => {
  payload = await testPayload()
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'references-it-'))
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'references-site-'))
  await writeContent()
  settingsBefore = await payload.findGlobal({ slug: 'site-settings' })
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      citationStyle: 'vancouver',
      disclaimer: settingsBefore.disclaimer || 'For healthcare professionals.',
    },
  })
})
afterAll(async () => {
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      citationStyle: settingsBefore.citationStyle,
      disclaimer: settingsBefore.disclaimer ?? null,
    },
  })
  await fs.rm(dir, { recursive: true, force: true })
  await fs.rm(root, { recursive: true, force: true })
})

describe('references exported by a reference manager', () => {
  it('import into an approved article, keeping every field and cleaning identifiers', async () => {
    const report = await importContent(payload, await loadContentDir(dir))
    expect(report.references).toEqual({ created: 5, updated: 0, unchanged: 0 })
    expect(report.articles).toEqual({ created: 1, updated: 0, unchanged: 0 })

    const { docs } = await payload.find({
      collection: 'citations',
      where: { key: { in: [key('polack2020'), key('pmid:25439696')] } },
      sort: 'key',
    })
    const [rajkumar, polack] = docs
    expect(polack).toMatchObject({
      doi: '10.1056/NEJMoa2034577',
      pmid: '33301246',
      pmcid: 'PMC7745181',
      issued: { year: 2020, month: 12, day: 31 },
    })
    expect(polack!.csl).toMatchObject({
      ISSN: '1533-4406',
      language: 'eng',
      source: 'PubMed',
      journalAbbreviation: 'N Engl J Med',
      accessed: { 'date-parts': [[2024, 3, 18]] },
      abstract: expect.stringMatching(/^Background: /),
    })
    expect(rajkumar).toMatchObject({ pmid: '25439696', doi: '10.1016/S1470-2045(14)70442-5' })
    expect(rajkumar!.csl).toMatchObject({
      'container-title-short': 'Lancet Oncol',
      'publisher-place': 'England',
      status: 'ppublish',
    })

    const article = (
      await payload.find({ collection: 'articles', where: { slug: { equals: slug } }, depth: 0 })
    ).docs[0]!
    expect(article).toMatchObject({ _status: 'published', state: 'approved' })
  })

  it('re-import as unchanged', async () => {
    const report = await importContent(payload, await loadContentDir(dir))
    expect(report.references).toEqual({ created: 0, updated: 0, unchanged: 5 })
    expect(report.articles).toEqual({ created: 0, updated: 0, unchanged: 1 })
    expect(report.people).toEqual({ created: 0, updated: 0, unchanged: 2 })
  })

  it('publish: the approved article is not refused, its references in the site style', async () => {
    const report = await publishSite(payload, options())
    expect(report.refused.filter((refusal) => refusal.slug === slug)).toEqual([])
    expect(report.published).toContain(slug)
    const html = await page()
    // Vancouver: six authors then "et al.", the date with its month, abbreviated page range.
    expect(html).toContain(
      'Rajkumar SV, Dimopoulos MA, Palumbo A, Blade J, Merlini G, Mateos MV, et al. International Myeloma Working Group updated criteria for the diagnosis of multiple myeloma. Lancet Oncol. 2014 Nov;15(12):e538-48.',
    )
    expect(html).toContain('href="https://doi.org/10.1056/NEJMoa2034577"')
    expect(html).toContain('href="https://pubmed.ncbi.nlm.nih.gov/25439696/"')
  })

  it('switching the citation style in the settings changes the published reference list', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { citationStyle: 'ama' } })
    const report = await publishSite(payload, options())
    expect(report.refused.filter((refusal) => refusal.slug === slug)).toEqual([])
    expect(report.rendered).toContain(`articles/${slug}/index.html`)
    const html = await page()
    // AMA 11th: three authors then "et al", the journal in italics, the year only.
    expect(html).toContain(
      'Rajkumar SV, Dimopoulos MA, Palumbo A, et al. International Myeloma Working Group updated criteria for the diagnosis of multiple myeloma. <i>Lancet Oncol</i>. 2014;15(12):e538-48.',
    )
    expect(html).toContain('Polack FP, Thomas SJ, Kitchin N, et al.')
    expect(html).not.toContain('Blade J, Merlini G')
  })
})
