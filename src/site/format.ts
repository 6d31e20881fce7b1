import { isWorkflowState, STATE_LABELS } from '../workflow'
import type { PersonRef, SiteInfo } from './types'

/** Site-relative paths of the pages and files the site links to; the publisher writes them there. */
export const SITE_PATHS = {
  home: '/',
  board: '/advisory-board/',
  policy: '/editorial-policy/',
  feed: '/feed.xml',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  notFound: '/404.html',
  stylesheet: '/assets/site.css',
  script: '/assets/site.js',
  searchScript: '/assets/search.js',
  searchTermsScript: '/assets/search-terms.js',
  /** The site's icon, so no browser asks a static host for a /favicon.ico it does not have. */
  icon: '/assets/favicon.svg',
  /** The search index: `meta.json`, the full index's folders, the delta files. */
  search: '/search/',
  /** Topic pages: `/topics/<slug>/`. */
  topics: '/topics/',
  /** The sitemap files the index at `sitemap` lists. */
  sitemaps: '/sitemaps/',
} as const

/** The review history page of an article: `<article url>history/`. */
export function historyUrl(article: { url: string }): string {
  return `${article.url.endsWith('/') ? article.url : `${article.url}/`}history/`
}

/** The advisory board profile of a person. */
export function profileUrl(person: Pick<PersonRef, 'slug'>): string {
  return `${SITE_PATHS.board}#${person.slug}`
}

/**
 * An absolute URL for a site-relative path (`/x/`). Absolute http(s) URLs are returned unchanged.
 * Throws on anything else: a relative path without a leading slash is a programming error.
 */
export function absoluteUrl(site: Pick<SiteInfo, 'baseUrl'>, path: string): string {
  if (/^https?:\/\//.test(path)) return path
  if (!path.startsWith('/')) throw new TypeError(`expected a site-relative path, got "${path}"`)
  return `${site.baseUrl.replace(/\/+$/, '')}${path}`
}

function parseDate(iso: string): Date {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new TypeError(`not an ISO 8601 date: "${iso}"`)
  return date
}

/** `2025-11-27`, in UTC: the `datetime` of a `<time>` that shows a day. */
export function isoDate(iso: string): string {
  return parseDate(iso).toISOString().slice(0, 10)
}

/** `2025-11-27T14:05:00Z`, in UTC: a valid global date and time (HTML, Atom, sitemaps). */
export function isoDateTime(iso: string): string {
  return parseDate(iso)
    .toISOString()
    .replace(/\.000Z$/, 'Z')
}

const formats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per language and kind: making one costs far more than formatting with it. */
function dateFormat(language: string, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${kind} ${language}`
  let format = formats.get(key)
  if (!format) {
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(language, {
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            timeZone: 'UTC',
          })
    formats.set(key, format)
  }
  return format
}

/** `November 27, 2025`, in UTC so that output does not depend on the machine's time zone. */
export function formatDate(iso: string, language: string): string {
  return dateFormat(language, 'date').format(parseDate(iso))
}

/** `November 27, 2025, 14:05 UTC`. */
export function formatDateTime(iso: string, language: string): string {
  const date = parseDate(iso)
  const time = dateFormat(language, 'time').format(date)
  return `${formatDate(iso, language)}, ${time} UTC`
}

/** `Dr. Jane Roe, MD, PhD`: the name as it is printed, with credentials. */
export function displayName(person: Pick<PersonRef, 'name' | 'credentials'>): string {
  return person.credentials ? `${person.name}, ${person.credentials}` : person.name
}

/** The canonical ORCID URL for an iD given bare or as a URL; undefined when it is not an iD. */
export function orcidUrl(orcid: string | undefined): string | undefined {
  const match = orcid?.trim().match(/^(?:https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/)
  return match ? `https://orcid.org/${match[1]}` : undefined
}

/** A token safe in an id and a class name: `patient`, `care-giver-2`. */
export function token(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  )
}

/** A workflow state as readers see it: the workflow's own label; unknown values in words. */
export function stateLabel(state: string): string {
  if (isWorkflowState(state)) return STATE_LABELS[state]
  const words = state.replace(/[_-]+/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 forbids outright: dropping them keeps the document well-formed.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  )
}
