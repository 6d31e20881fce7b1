import { SITE_PATHS } from '../format'
import type { SiteInfo } from '../types'
import { Document } from './Layout'

export function NotFoundPage({ site }: { site: SiteInfo }) {
  return (
    <Document site={site} title="Page not found" noindex>
      <div className="intro">
        <h1>Page not found</h1>
        <p className="lede">
          There is no page at this address. It may have moved or been withdrawn.
        </p>
        <ul>
          <li>
            <a href={SITE_PATHS.home}>Browse all articles</a>
          </li>
          <li>
            <a href={SITE_PATHS.board}>Meet the Medical Advisory Board</a>
          </li>
        </ul>
      </div>
    </Document>
  )
}
