import { describe, expect, it } from 'vitest'

import {
  CITATION_KEY_PATTERN,
  DOI,
  IDENTIFIERS,
  identifierProblem,
  ISBN,
  PMCID,
  PMID,
  URL_IDENTIFIER,
} from './identifiers'

describe('identifier normalization', () => {
  it.each([
    [DOI, '10.1056/NEJMoa2034577', '10.1056/NEJMoa2034577'],
    [DOI, 'https://doi.org/10.1/x', '10.1/x'],
    [DOI, 'http://dx.doi.org/10.1056/NEJMoa2034577', '10.1056/NEJMoa2034577'],
    [DOI, 'https://www.doi.org/10.1056/NEJMoa2034577', '10.1056/NEJMoa2034577'],
    [DOI, 'doi.org/10.1056/NEJMoa2034577', '10.1056/NEJMoa2034577'],
    [DOI, 'doi:10.1/x', '10.1/x'],
    [DOI, 'DOI: 10.1/x', '10.1/x'],
    [DOI, '  10.1/x \n', '10.1/x'],
    [DOI, 'https://doi.org/10.1016/S1470-2045%2814%2970442-5', '10.1016/S1470-2045(14)70442-5'],
    [DOI, 'https://doi.org/10.1/100%', '10.1/100%'],
    [PMID, 'PMID: 33301246', '33301246'],
    [PMID, 'pmid:33301246', '33301246'],
    [PMID, ' 33301246 ', '33301246'],
    [PMCID, 'PMC7745181', 'PMC7745181'],
    [PMCID, 'pmc7745181', 'PMC7745181'],
    [PMCID, '7745181', 'PMC7745181'],
    [PMCID, 'PMCID: PMC7745181', 'PMC7745181'],
    [PMCID, 'PMC 7745181', 'PMC 7745181'],
    [ISBN, '978-1-264-26850-4', '9781264268504'],
    [ISBN, 'ISBN 978 1 264 26850 4', '9781264268504'],
    [ISBN, 'ISBN-10: 0-306-40615-2', '0306406152'],
    [ISBN, '0-8044-2957-x', '080442957X'],
    [
      URL_IDENTIFIER,
      '  https://www.cancer.gov/types/myeloma  ',
      'https://www.cancer.gov/types/myeloma',
    ],
  ])('%s: %j -> %j', (identifier, input, output) => {
    expect(identifier.normalize(input)).toBe(output)
  })
})

describe('identifier validation (of normalized values)', () => {
  it.each([
    [DOI, '10.1/x', true],
    [DOI, '10.1056/NEJMoa2034577', true],
    [DOI, '10.1000.10/123', true],
    [DOI, '10.abc/x', false],
    [DOI, '10.1056/', false],
    [DOI, '11.1056/x', false],
    [DOI, '10.1056/has space', false],
    [PMID, '1', true],
    [PMID, '33301246', true],
    [PMID, '123456789', false],
    [PMID, '12a', false],
    [PMCID, 'PMC7745181', true],
    [PMCID, 'PMC', false],
    [PMCID, 'PMC 7745181', false],
    [ISBN, '9781264268504', true],
    [ISBN, '9781264268505', false],
    [ISBN, '0306406152', true],
    [ISBN, '0306406153', false],
    [ISBN, '080442957X', true],
    [ISBN, '9771234567897', false],
    [ISBN, '978126426850', false],
    [URL_IDENTIFIER, 'https://example.org/a?b=c', true],
    [URL_IDENTIFIER, 'http://example.org', true],
    [URL_IDENTIFIER, 'ftp://example.org/file', false],
    [URL_IDENTIFIER, 'javascript:alert(1)', false],
    [URL_IDENTIFIER, 'www.example.org', false],
  ])('%s: %j is valid: %s', (identifier, value, valid) => {
    expect(identifier.isValid(value)).toBe(valid)
  })

  it('explain a refusal with the value and what a valid one looks like', () => {
    expect(identifierProblem(DOI, 'not-a-doi')).toBe(
      '"not-a-doi" is not valid: a DOI looks like 10.1234/abc (a https://doi.org/ or doi: prefix is removed for you)',
    )
    expect(identifierProblem(DOI, '10.1/x')).toBeUndefined()
  })

  it('are listed by their CSL-JSON variable', () => {
    for (const [variable, identifier] of Object.entries(IDENTIFIERS)) {
      expect(identifier.variable).toBe(variable)
    }
  })
})

describe('CITATION_KEY_PATTERN', () => {
  it.each([
    ['smith2021', true],
    ['_x', true],
    ['polack2020:nejm', true],
    ['a.b-c/d', true],
    ['smith2021.', false],
    ['-smith', false],
    ['has space', false],
    ['', false],
  ])('%j matches: %s', (key, ok) => {
    expect(CITATION_KEY_PATTERN.test(key)).toBe(ok)
  })
})
