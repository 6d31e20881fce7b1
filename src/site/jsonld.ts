import { SITE_PATHS, absoluteUrl, isoDate, isoDateTime, orcidUrl, profileUrl } from './format'
import type {
  AboutTopic,
  ArticleView,
  AudienceVersion,
  PersonRef,
  PageReference,
  SiteInfo,
} from './types'

/** A JSON-LD node: plain JSON. */
export type JsonLd = { [key: string]: JsonValue }
type JsonValue = string | number | boolean | null | JsonValue[] | JsonLd

/**
 * schema.org `MedicalWebPage` for an article page, using only schema.org types and properties.
 * `lastReviewed` and `reviewedBy` are emitted only when what is shown is an approved revision:
 * unreviewed content must not claim a review.
 */
export function articleJsonLd(site: SiteInfo, article: ArticleView): JsonLd {
  const url = absoluteUrl(site, article.url)
  const references = uniqueReferences(article.versions)
  const audiences = article.versions.map(audienceNode)
  const medicalAudience = article.versions
    .map((v) => medicalAudienceValue(v.audience))
    .filter((v): v is JsonValue => v !== undefined)

  const page: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': url,
    url,
    name: article.title,
    headline: article.title,
    inLanguage: site.language,
    dateModified: isoDateTime(article.lastUpdated),
    isPartOf: { '@type': 'WebSite', name: site.name, url: absoluteUrl(site, SITE_PATHS.home) },
    publisher: organization(site),
  }
  if (article.summary) page.description = article.summary
  if (article.about?.length) page.about = article.about.map(aboutNode)
  if (audiences.length) page.audience = audiences
  if (medicalAudience.length) page.medicalAudience = medicalAudience
  if (article.authors.length) page.author = article.authors.map((p) => person(site, p))
  if (article.approved && article.lastReviewed) {
    page.lastReviewed = isoDate(article.lastReviewed.at)
    page.reviewedBy = person(site, { ...article.lastReviewed.by, listedOnBoard: true })
  }
  if (references.length) page.citation = references.map(citationNode)
  return page
}

/**
 * Serializes JSON-LD for an inline `<script type="application/ld+json">`. `<`, `>` and `&` become
 * `\u003c`, `\u003e`, `\u0026` (still the same JSON), so no `</script>` or `<!--` can end or
 * alter the script element whatever the data contains.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

function organization(site: SiteInfo): JsonLd {
  return { '@type': 'Organization', name: site.name, url: absoluteUrl(site, SITE_PATHS.home) }
}

function person(site: SiteInfo, ref: PersonRef): JsonLd {
  const node: JsonLd = { '@type': 'Person', name: ref.name }
  if (ref.credentials) {
    node.honorificSuffix = ref.credentials
    node.hasCredential = ref.credentials
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((name) => ({ '@type': 'EducationalOccupationalCredential', name }))
  }
  if (ref.specialty) node.knowsAbout = ref.specialty
  if (ref.listedOnBoard) node.url = absoluteUrl(site, profileUrl(ref))
  const orcid = orcidUrl(ref.orcid)
  if (orcid) node.sameAs = orcid
  return node
}

function aboutNode(topic: AboutTopic): JsonLd {
  if (typeof topic === 'string') return { '@type': 'Thing', name: topic }
  const node: JsonLd = { '@type': topic.type, name: topic.name }
  if (topic.sameAs) node.sameAs = topic.sameAs
  return node
}

/**
 * `audience` (an Audience) per version. `audienceType` is free text in schema.org; the enumerated
 * values go in `medicalAudience` (see `medicalAudienceValue`).
 */
function audienceNode(version: AudienceVersion): JsonLd {
  switch (version.audience) {
    case 'clinician':
      return { '@type': 'MedicalAudience', audienceType: 'Clinician', name: version.label }
    case 'patient':
      return { '@type': 'Patient', audienceType: 'Patient', name: version.label }
    case 'student':
      return { '@type': 'EducationalAudience', educationalRole: 'student', name: version.label }
    default:
      return { '@type': 'Audience', audienceType: version.label, name: version.label }
  }
}

/**
 * `medicalAudience` takes a MedicalAudienceType member (only `Clinician` and `MedicalResearcher`
 * exist) or a MedicalAudience. Patients are the `Patient` type (a MedicalAudience); students have
 * no medical audience value, so they appear only in `audience`.
 */
function medicalAudienceValue(audience: string): JsonValue | undefined {
  if (audience === 'clinician') return 'https://schema.org/Clinician'
  if (audience === 'patient') return { '@type': 'Patient' }
  return undefined
}

/** The references of all versions, each once (by key), in the order of the default version. */
function uniqueReferences(versions: AudienceVersion[]): PageReference[] {
  const seen = new Map<string, PageReference>()
  for (const version of versions) {
    for (const ref of [...version.references].sort((a, b) => a.number - b.number)) {
      if (!seen.has(ref.key)) seen.set(ref.key, ref)
    }
  }
  return [...seen.values()]
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim()
  if (typeof value === 'number') return String(value)
  return undefined
}

/** `[[2021, 3, 4]]` -> `2021-03-04`; `[[2021]]` -> `2021` (ISO 8601 reduced precision). */
function cslDate(value: unknown): string | undefined {
  const parts = (value as { 'date-parts'?: unknown } | undefined)?.['date-parts']
  if (!Array.isArray(parts) || !Array.isArray(parts[0])) return undefined
  const [year, month, day] = (parts[0] as unknown[]).map(Number)
  if (year === undefined || !Number.isInteger(year)) return undefined
  const pad = (n: number) => String(n).padStart(2, '0')
  let out = String(year).padStart(4, '0')
  if (month !== undefined && Number.isInteger(month) && month >= 1 && month <= 12) {
    out += `-${pad(month)}`
    if (day !== undefined && Number.isInteger(day) && day >= 1 && day <= 31) out += `-${pad(day)}`
  }
  return out
}

function cslAuthors(value: unknown): JsonLd[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((name): JsonLd[] => {
    const n = name as Record<string, unknown>
    const literal = str(n.literal)
    if (literal) return [{ '@type': 'Person', name: literal }]
    const family = str(n.family)
    if (!family) return []
    const given = str(n.given)
    const node: JsonLd = {
      '@type': 'Person',
      name: given ? `${given} ${family}` : family,
      familyName: family,
    }
    if (given) node.givenName = given
    return [node]
  })
}

const CSL_TO_SCHEMA: Record<string, string> = {
  'article-journal': 'ScholarlyArticle',
  article: 'ScholarlyArticle',
  review: 'ScholarlyArticle',
  'paper-conference': 'ScholarlyArticle',
  book: 'Book',
  chapter: 'Chapter',
  report: 'Report',
  thesis: 'Thesis',
  dataset: 'Dataset',
  webpage: 'WebPage',
}

/**
 * A cited reference as a CreativeWork. A journal article is `isPartOf` its issue, volume and
 * periodical, nested as schema.org models them (PublicationIssue > PublicationVolume > Periodical).
 */
function citationNode(ref: PageReference): JsonLd {
  const d = ref.data
  const type = CSL_TO_SCHEMA[str(d.type) ?? ''] ?? 'CreativeWork'
  const node: JsonLd = { '@type': type, name: str(d.title) ?? ref.key }
  const authors = cslAuthors(d.author)
  if (authors.length) node.author = authors
  const published = cslDate(d.issued)
  if (published) node.datePublished = published

  const container = str(d['container-title'])
  if (container) {
    if (type === 'ScholarlyArticle') {
      let parent: JsonLd = { '@type': 'Periodical', name: container }
      const volume = str(d.volume)
      const issue = str(d.issue)
      if (volume) parent = { '@type': 'PublicationVolume', volumeNumber: volume, isPartOf: parent }
      if (issue) parent = { '@type': 'PublicationIssue', issueNumber: issue, isPartOf: parent }
      node.isPartOf = parent
    } else if (type === 'Chapter') {
      node.isPartOf = { '@type': 'Book', name: container }
    } else {
      node.isPartOf = { '@type': 'CreativeWork', name: container }
    }
  }
  const pages = str(d.page)
  if (pages && (type === 'ScholarlyArticle' || type === 'Chapter')) node.pagination = pages
  const publisher = str(d.publisher)
  if (publisher) node.publisher = { '@type': 'Organization', name: publisher }

  const doi = str(d.DOI)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
  const pmid = str(d.PMID)
  const identifiers: JsonLd[] = []
  const sameAs: string[] = []
  if (doi) {
    identifiers.push({ '@type': 'PropertyValue', propertyID: 'DOI', value: doi })
    sameAs.push(`https://doi.org/${doi}`)
  }
  if (pmid) {
    identifiers.push({ '@type': 'PropertyValue', propertyID: 'PMID', value: pmid })
    sameAs.push(`https://pubmed.ncbi.nlm.nih.gov/${pmid}/`)
  }
  if (identifiers.length) node.identifier = identifiers
  if (sameAs.length) node.sameAs = sameAs
  const url = str(d.URL)
  if (url && /^https?:\/\//.test(url)) node.url = url
  else if (sameAs[0]) node.url = sameAs[0]
  return node
}
