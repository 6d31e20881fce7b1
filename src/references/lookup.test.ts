import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { cslItemSchema } from './csl'
import { replayFetch } from './fixtures/recorded/replay'
import { lookupRequest, readLookupResponse, unreachable } from './lookup'

const DOI = { variable: 'DOI', value: '10.1126/science.169.3946.635' } as const

/** Asks as the glue does, but through recorded responses. */
async function ask(id: Parameters<typeof lookupRequest>[0], fetcher: typeof fetch) {
  const request = lookupRequest(id)
  const response = await fetcher(request.url, { headers: request.headers })
  return readLookupResponse(id, response.status, await response.text())
}

describe('DOI look-up (recorded doi.org/Crossref responses)', () => {
  const fetcher = replayFetch({
    'https://doi.org/10.1126/science.169.3946.635':
      'crossref-csl-json-10.1126-science.169.3946.635.yaml',
    'https://doi.org/10.1126/foo': 'doi-org-404-10.1126-foo.yaml',
  })

  it('asks doi.org for CSL-JSON', () => {
    expect(lookupRequest(DOI)).toEqual({
      url: 'https://doi.org/10.1126/science.169.3946.635',
      headers: { Accept: 'application/vnd.citationstyles.csl+json' },
      service: 'doi.org',
    })
    expect(lookupRequest({ variable: 'DOI', value: '10.1002/(SICI)1097#x' }).url).toBe(
      'https://doi.org/10.1002/(SICI)1097%23x',
    )
  })

  it("reads Crossref's answer as a CSL 1.0.2 reference, without Crossref's bookkeeping", async () => {
    const result = await ask(DOI, fetcher)
    if (!result.ok) throw new Error(result.message)
    const item = cslItemSchema.parse({ ...result.csl, id: 'frank1970structure' })
    expect(item).toMatchObject({
      type: 'article-journal',
      title: 'The Structure of Ordinary Water',
      author: [{ family: 'Frank', given: 'Henry S.' }],
      'container-title': 'Science',
      issued: { 'date-parts': [[1970, 8, 14]] },
      volume: '169',
      issue: '3946',
      page: '635-641',
      DOI: '10.1126/science.169.3946.635',
      ISSN: '0036-8075',
    })
    for (const field of ['reference', 'indexed', 'link', 'member', 'score', 'published-print']) {
      expect(item).not.toHaveProperty(field)
    }
  })

  it('says doi.org has no record of an unknown DOI', async () => {
    const result = await ask({ variable: 'DOI', value: '10.1126/foo' }, fetcher)
    expect(result).toEqual({
      ok: false,
      message: 'doi.org has no record of DOI 10.1126/foo: check it for typos',
    })
  })

  it('says what an unreachable service means, plainly', () => {
    expect(unreachable(DOI, true)).toBe(
      'Could not reach doi.org within 5 s to look up DOI 10.1126/science.169.3946.635: nothing was filled in. Paste the reference itself (BibTeX, RIS or MEDLINE) instead.',
    )
    expect(readLookupResponse(DOI, 503, '')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/answered 503/),
    })
    expect(readLookupResponse(DOI, 200, '<html>')).toMatchObject({ ok: false })
  })
})

describe('PMID look-up', () => {
  it("asks NCBI's citation exporter for MEDLINE and reads the record with the .nbib reader", () => {
    const id = { variable: 'PMID', value: '25744111' } as const
    expect(lookupRequest(id).url).toBe(
      'https://api.ncbi.nlm.nih.gov/lit/ctxp/v1/pubmed/?format=medline&id=25744111',
    )
    // The body is PubMed's MEDLINE record for this PMID (a real export, see fixtures/import).
    const body = readFileSync(
      new URL('./fixtures/import/pubmed-25744111.nbib', import.meta.url),
      'utf8',
    )
    const result = readLookupResponse(id, 200, body)
    expect(result).toMatchObject({
      ok: true,
      csl: { PMID: '25744111', DOI: '10.1016/j.puhe.2015.01.018' },
    })
    expect(readLookupResponse({ variable: 'PMID', value: '1' }, 200, body)).toEqual({
      ok: false,
      message: 'PubMed has no record of PMID 1: check it for typos',
    })
  })
})
