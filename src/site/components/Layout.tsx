import type { ReactNode } from 'react'
import { SITE_PATHS, absoluteUrl } from '../format'
import { type JsonLd, serializeJsonLd } from '../jsonld'
import type { SiteInfo } from '../types'

export interface DocumentProps {
  site: SiteInfo
  /** The page's own title; the document title becomes "<title> | <site name>". */
  title: string
  description?: string
  /** Site-relative path of the page, for the canonical link and `og:url`; none for the 404 page. */
  path?: string
  /** Open Graph type: `article` for articles, `website` otherwise. */
  ogType?: 'article' | 'website'
  /** `noindex`: pages that search engines should not list (unreviewed content, the 404 page). */
  noindex?: boolean
  jsonLd?: JsonLd
  /** Extra elements for the head (page-specific stylesheets). */
  head?: ReactNode
  /** Scripts loaded (deferred) before the site script. */
  scripts?: string[]
  /** Page-specific JavaScript modules (deferred, as modules are). */
  modules?: string[]
  /** The site navigation item to mark as the current page. */
  current?: 'home' | 'board' | 'policy'
  children: ReactNode
}

/** A complete HTML document: head, skip link, site header, `<main id="main">`, site footer. */
export function Document(props: DocumentProps) {
  const { site, title, description, path, jsonLd } = props
  const fullTitle = title === site.name ? site.name : `${title} | ${site.name}`
  const canonical = path === undefined ? undefined : absoluteUrl(site, path)
  return (
    <html lang={site.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <meta property="og:site_name" content={site.name} />
        <meta property="og:title" content={title} />
        {description ? <meta property="og:description" content={description} /> : null}
        <meta property="og:type" content={props.ogType ?? 'website'} />
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        <link
          rel="alternate"
          type="application/atom+xml"
          title={site.name}
          href={absoluteUrl(site, SITE_PATHS.feed)}
        />
        <link rel="stylesheet" href={SITE_PATHS.stylesheet} />
        <link rel="icon" href={SITE_PATHS.icon} type="image/svg+xml" />
        {props.head}
        {(props.scripts ?? []).map((src) => (
          <script key={src} src={src} defer />
        ))}
        {(props.modules ?? []).map((src) => (
          <script key={src} src={src} type="module" />
        ))}
        <script src={SITE_PATHS.script} defer />
        {jsonLd ? (
          <script
            type="application/ld+json"
            // The one raw insertion: JSON escaped by serializeJsonLd so it cannot leave the script.
            dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }}
          />
        ) : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader site={site} current={props.current} />
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
        <SiteFooter site={site} />
      </body>
    </html>
  )
}

function SiteHeader({ site, current }: { site: SiteInfo; current?: DocumentProps['current'] }) {
  const items = [
    { key: 'home', href: SITE_PATHS.home, label: 'Articles' },
    { key: 'board', href: SITE_PATHS.board, label: 'Advisory board' },
    { key: 'policy', href: SITE_PATHS.policy, label: 'Editorial policy' },
  ] as const
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a className="site-name" href={SITE_PATHS.home}>
          {site.name}
        </a>
        <nav aria-label="Site">
          <ul>
            {items.map((item) => (
              <li key={item.key}>
                <a href={item.href} aria-current={current === item.key ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  )
}

function SiteFooter({ site }: { site: SiteInfo }) {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p className="site-footer-name">{site.name}</p>
        <nav aria-label="Footer">
          <ul>
            <li>
              <a href={SITE_PATHS.board}>Medical Advisory Board</a>
            </li>
            <li>
              <a href={SITE_PATHS.policy}>Editorial policy</a>
            </li>
            <li>
              <a href={SITE_PATHS.feed} type="application/atom+xml">
                Atom feed
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
