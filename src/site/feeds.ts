import { SITE_PATHS, absoluteUrl, escapeXml, isoDateTime } from './format'
import type { FeedArticle, SiteInfo, SitemapUrl } from './types'

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

/** The sitemaps.org limit for one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000

/**
 * `sitemap.xml` (sitemaps.org 0.9). URLs are made absolute under `site.baseUrl`; a URL outside it,
 * or more than 50,000 URLs, is a programming error and throws.
 */
export function renderSitemap(site: SiteInfo, urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) {
    throw new RangeError(`a sitemap holds at most ${SITEMAP_MAX_URLS} URLs, got ${urls.length}`)
  }
  const base = absoluteUrl(site, '/')
  const entries = urls.map(({ url, lastmod }) => {
    const loc = absoluteUrl(site, url)
    if (!loc.startsWith(base)) throw new RangeError(`sitemap URL ${loc} is outside ${base}`)
    const mod = lastmod ? `<lastmod>${isoDateTime(lastmod)}</lastmod>` : ''
    return `  <url><loc>${escapeXml(loc)}</loc>${mod}</url>\n`
  })
  return (
    XML_DECLARATION +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    entries.join('') +
    '</urlset>\n'
  )
}

/**
 * The sitemap index at `sitemap.xml` (sitemaps.org 0.9): the sitemap files it lists, each
 * absolute under `site.baseUrl`, with the newest `lastmod` of its URLs.
 */
export function renderSitemapIndex(site: SiteInfo, sitemaps: SitemapUrl[]): string {
  const entries = sitemaps.map(({ url, lastmod }) => {
    const mod = lastmod ? `<lastmod>${isoDateTime(lastmod)}</lastmod>` : ''
    return `  <sitemap><loc>${escapeXml(absoluteUrl(site, url))}</loc>${mod}</sitemap>\n`
  })
  return (
    XML_DECLARATION +
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    entries.join('') +
    '</sitemapindex>\n'
  )
}

/**
 * The Atom 1.0 feed (at `/feed.xml`), newest update first. The feed's `updated` is the newest
 * entry's, or `options.updated`, or the Unix epoch for an empty feed, so output is deterministic.
 * An entry that is not an approved revision says so in its summary.
 */
export function renderAtomFeed(
  site: SiteInfo,
  articles: FeedArticle[],
  options: { updated?: string } = {},
): string {
  const sorted = [...articles].sort((a, b) =>
    isoDateTime(b.updated).localeCompare(isoDateTime(a.updated)),
  )
  const updated = isoDateTime(options.updated ?? sorted[0]?.updated ?? '1970-01-01T00:00:00Z')
  const home = absoluteUrl(site, SITE_PATHS.home)
  const self = absoluteUrl(site, SITE_PATHS.feed)
  const entries = sorted.map((article) => {
    const url = absoluteUrl(site, article.url)
    const summary = [article.approved ? '' : 'Pending medical review.', article.summary ?? '']
      .filter(Boolean)
      .join(' ')
    return (
      '  <entry>\n' +
      `    <id>${escapeXml(url)}</id>\n` +
      `    <title>${escapeXml(article.title)}</title>\n` +
      `    <updated>${isoDateTime(article.updated)}</updated>\n` +
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>\n` +
      (summary ? `    <summary>${escapeXml(summary)}</summary>\n` : '') +
      '  </entry>\n'
    )
  })
  return (
    XML_DECLARATION +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">\n` +
    `  <id>${escapeXml(home)}</id>\n` +
    `  <title>${escapeXml(site.name)}</title>\n` +
    `  <subtitle>${escapeXml(site.advisoryBoardStatement)}</subtitle>\n` +
    `  <updated>${updated}</updated>\n` +
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>\n` +
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>\n` +
    `  <author><name>${escapeXml(site.name)}</name><uri>${escapeXml(home)}</uri></author>\n` +
    entries.join('') +
    '</feed>\n'
  )
}

/** `robots.txt`: everything may be crawled; points at the sitemap. */
export function renderRobots(site: SiteInfo): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, SITE_PATHS.sitemap)}\n`
}
