import { fileURLToPath } from 'node:url'
import { SITE_PATHS } from './format'

/**
 * The static files the pages load: `file` is where the source lives, `path` where the publisher
 * must copy it in the output (site-relative).
 */
export const SITE_ASSETS: readonly { path: string; file: string; contentType: string }[] = [
  {
    path: SITE_PATHS.stylesheet,
    file: fileURLToPath(new URL('./assets/site.css', import.meta.url)),
    contentType: 'text/css; charset=utf-8',
  },
  {
    path: SITE_PATHS.script,
    file: fileURLToPath(new URL('./assets/site.js', import.meta.url)),
    contentType: 'text/javascript; charset=utf-8',
  },
  {
    path: SITE_PATHS.searchScript,
    file: fileURLToPath(new URL('./assets/search.js', import.meta.url)),
    contentType: 'text/javascript; charset=utf-8',
  },
  {
    path: SITE_PATHS.searchTermsScript,
    file: fileURLToPath(new URL('./assets/search-terms.js', import.meta.url)),
    contentType: 'text/javascript; charset=utf-8',
  },
  {
    path: SITE_PATHS.icon,
    file: fileURLToPath(new URL('./assets/favicon.svg', import.meta.url)),
    contentType: 'image/svg+xml',
  },
]
