import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Where the build goes (default .next): lets two checkouts' builds or a second build coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The published site is served from files on disk by src/app/(site); Next adds nothing to it.
  poweredByHeader: false,
  // Site pages live at trailing-slash URLs (/articles/x/): serve them as linked, no redirect.
  skipTrailingSlashRedirect: true,
  typescript: { ignoreBuildErrors: true },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })

// Payload turns Turbopack's server fast refresh off for `next dev` (it breaks HMR); a production
// build has no fast refresh, and the setting only made `next build` print an "Experiments" notice.
if (process.env.NODE_ENV === 'production' && config.experimental) {
  delete (config.experimental as Record<string, unknown>).turbopackServerFastRefresh
}

export default config
