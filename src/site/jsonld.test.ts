import { describe, expect, it } from 'vitest'
import { approvedArticle, pendingArticle, site } from './fixtures'
import { type JsonLd, articleJsonLd, serializeJsonLd } from './jsonld'
import { renderArticlePage } from './render'
import { toString } from 'hast-util-to-string'
import { all, attr, parse } from './testing/html'

/**
 * The schema.org types and properties this module may emit, checked by hand against
 * https://schema.org (each property is defined on the type it is used with, or a supertype).
 * A new type or property must be added here after checking it: a typo then fails the test.
 */
const SCHEMA_TYPES = new Set([
  'MedicalWebPage',
  'WebSite',
  'Organization',
  'Person',
  'EducationalOccupationalCredential',
  'Thing',
  'MedicalCondition',
  'MedicalTest',
  'Drug',
  'AnatomicalStructure',
  'MedicalAudience',
  'Patient',
  'EducationalAudience',
  'Audience',
  'ScholarlyArticle',
  'Book',
  'Chapter',
  'Report',
  'Thesis',
  'Dataset',
  'WebPage',
  'CreativeWork',
  'Periodical',
  'PublicationVolume',
  'PublicationIssue',
  'PropertyValue',
])
const SCHEMA_PROPERTIES = new Set([
  '@context',
  '@type',
  '@id',
  // Thing
  'name',
  'url',
  'sameAs',
  'description',
  'identifier',
  // CreativeWork / WebPage / MedicalWebPage
  'headline',
  'inLanguage',
  'dateModified',
  'datePublished',
  'isPartOf',
  'publisher',
  'about',
  'audience',
  'medicalAudience',
  'author',
  'lastReviewed',
  'reviewedBy',
  'citation',
  'pagination',
  // Person
  'honorificSuffix',
  'hasCredential',
  'knowsAbout',
  'givenName',
  'familyName',
  // Audience, EducationalAudience
  'audienceType',
  'educationalRole',
  // PublicationVolume, PublicationIssue
  'volumeNumber',
  'issueNumber',
  // PropertyValue
  'propertyID',
  'value',
])

function walk(node: unknown, visit: (node: JsonLd) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit))
  else if (node && typeof node === 'object') {
    visit(node as JsonLd)
    Object.values(node).forEach((n) => walk(n, visit))
  }
}

describe('articleJsonLd', () => {
  const data = articleJsonLd(site, approvedArticle())

  it('is a schema.org MedicalWebPage about the article', () => {
    expect(data['@context']).toBe('https://schema.org')
    expect(data['@type']).toBe('MedicalWebPage')
    expect(data.url).toBe('https://answers.example.org/articles/low-alp-myeloma/')
    expect(data.name).toBe(approvedArticle().title)
    expect(data.headline).toBe(approvedArticle().title)
    expect(data.description).toBe(approvedArticle().summary)
    expect(data.dateModified).toBe('2025-11-27T10:05:00Z')
    expect(data.inLanguage).toBe('en')
    expect(data.publisher).toEqual({
      '@type': 'Organization',
      name: 'Clinical Answers',
      url: 'https://answers.example.org/',
    })
  })

  it('uses only schema.org types and properties', () => {
    const types: string[] = []
    walk(data, (node) => {
      for (const key of Object.keys(node)) expect(SCHEMA_PROPERTIES, key).toContain(key)
      if (typeof node['@type'] === 'string') types.push(node['@type'])
    })
    for (const type of types) expect(SCHEMA_TYPES, type).toContain(type)
    expect(types.length).toBeGreaterThan(30)
  })

  it('says what the page is about, typed when the type is known', () => {
    expect(data.about).toEqual([
      { '@type': 'MedicalCondition', name: 'Multiple myeloma' },
      { '@type': 'MedicalTest', name: 'Alkaline phosphatase' },
      { '@type': 'Thing', name: 'Lytic bone lesions' },
    ])
  })

  it('names an audience per version, with the schema.org enumeration values', () => {
    expect(data.audience).toEqual([
      { '@type': 'MedicalAudience', audienceType: 'Clinician', name: 'Healthcare professional' },
      { '@type': 'Patient', audienceType: 'Patient', name: 'Patient or caregiver' },
    ])
    expect(data.medicalAudience).toEqual(['https://schema.org/Clinician', { '@type': 'Patient' }])
    const student = approvedArticle()
    student.versions.push({ ...student.versions[1]!, audience: 'student', label: 'Student' })
    const withStudent = articleJsonLd(site, student)
    expect((withStudent.audience as JsonLd[])[2]).toEqual({
      '@type': 'EducationalAudience',
      educationalRole: 'student',
      name: 'Student',
    })
    expect(withStudent.medicalAudience).toHaveLength(2)
  })

  it('says who reviewed it and when, with credentials and profile', () => {
    expect(data.lastReviewed).toBe('2025-11-27')
    expect(data.reviewedBy).toEqual({
      '@type': 'Person',
      name: 'Dr. Priya Raman',
      honorificSuffix: 'MD, PhD',
      hasCredential: [
        { '@type': 'EducationalOccupationalCredential', name: 'MD' },
        { '@type': 'EducationalOccupationalCredential', name: 'PhD' },
      ],
      knowsAbout: 'Hematology',
      url: 'https://answers.example.org/advisory-board/#priya-raman',
      sameAs: 'https://orcid.org/0000-0002-1825-0097',
    })
    expect(data.author).toEqual([
      {
        '@type': 'Person',
        name: 'Dr. Alex Morgan',
        honorificSuffix: 'MD',
        hasCredential: [{ '@type': 'EducationalOccupationalCredential', name: 'MD' }],
      },
    ])
  })

  it('claims no review for content that is not approved', () => {
    const pending = articleJsonLd(site, pendingArticle())
    expect(pending).not.toHaveProperty('lastReviewed')
    expect(pending).not.toHaveProperty('reviewedBy')
    // Even if a previous review is known, an unapproved revision was not reviewed.
    const stale = articleJsonLd(site, { ...approvedArticle(), approved: false })
    expect(stale).not.toHaveProperty('reviewedBy')
  })

  it('cites every reference once, as a scholarly work with its identifiers', () => {
    const citations = data.citation as JsonLd[]
    expect(citations).toHaveLength(6)
    expect(citations[0]).toEqual({
      '@type': 'ScholarlyArticle',
      name: 'Alkaline phosphatase in patients with bone lesions: multiple myeloma versus solid cancers',
      author: [
        { '@type': 'Person', name: 'Lena Brandt', familyName: 'Brandt', givenName: 'Lena' },
        { '@type': 'Person', name: 'Wei Chen', familyName: 'Chen', givenName: 'Wei' },
        { '@type': 'Person', name: 'Maria Ortiz', familyName: 'Ortiz', givenName: 'Maria' },
      ],
      datePublished: '2021-05-14',
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '5',
        isPartOf: {
          '@type': 'PublicationVolume',
          volumeNumber: '39',
          isPartOf: { '@type': 'Periodical', name: 'Journal of Example Oncology' },
        },
      },
      pagination: '412-420',
      identifier: [
        { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.5555/example.2021.0412' },
      ],
      sameAs: ['https://doi.org/10.5555/example.2021.0412'],
      url: 'https://doi.org/10.5555/example.2021.0412',
    })
    expect(citations[2]!.datePublished).toBe('2018')
    expect(citations[5]).toMatchObject({
      '@type': 'Report',
      publisher: { '@type': 'Organization', name: 'Example Society of Haematology' },
      url: 'https://guidelines.example.org/myeloma-workup',
      datePublished: '2024-03',
    })
  })

  it('links a PubMed id and strips a resolver prefix from a DOI', () => {
    const article = approvedArticle()
    const ref = article.versions[0]!.references[0]!
    ref.data = { ...ref.data, DOI: 'https://doi.org/10.5555/x', PMID: '12345678' }
    const [first] = articleJsonLd(site, article).citation as JsonLd[]
    expect(first!.sameAs).toEqual([
      'https://doi.org/10.5555/x',
      'https://pubmed.ncbi.nlm.nih.gov/12345678/',
    ])
    expect(first!.identifier).toEqual([
      { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.5555/x' },
      { '@type': 'PropertyValue', propertyID: 'PMID', value: '12345678' },
    ])
  })
})

describe('JSON-LD in the page', () => {
  const hostile = 'Is </script><script>alert(1)</script> <!-- safe? & "quoted" \u2028'

  it('serializes to JSON with no <, > or & left, which parses back to the same data', () => {
    const data: JsonLd = { '@type': 'Thing', name: hostile }
    const json = serializeJsonLd(data)
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual(data)
  })

  it('cannot be broken out of by the content it carries', () => {
    const article = { ...approvedArticle(), title: hostile, summary: hostile }
    const html = renderArticlePage(site, article)
    const scripts = all(parse(html), (el) => el.tagName === 'script')
    // Only the site script and the JSON-LD: no injected script element.
    expect(scripts.map((s) => attr(s, 'type') ?? attr(s, 'src'))).toEqual([
      '/assets/site.js',
      'application/ld+json',
    ])
    const data = JSON.parse(toString(scripts[1]!)) as JsonLd
    expect(data.name).toBe(hostile)
    expect(html.match(/<\/script>/g)).toHaveLength(2)
  })
})
