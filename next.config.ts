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

export default withPayload(nextConfig, { devBundleServerPackages: false })
