import type { PayloadRequest } from 'payload'

import { siteUrl } from '../config/env'
import type { MarkdownOptions } from '../markdown'
import { DEFAULT_CITATION_STYLE, isCitationStyle } from '../references'

/**
 * The Markdown pipeline's options as the publisher sets them (the site's address and its citation
 * style), so previews and checks render exactly what publishing will. The settings are read as the
 * person asking, when there is one.
 */
export async function renderOptions(req: PayloadRequest): Promise<MarkdownOptions> {
  const settings = await req.payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    req,
    ...(req.user ? { overrideAccess: false, user: req.user } : {}),
  })
  return {
    siteUrl: siteUrl(),
    citationStyle: isCitationStyle(settings.citationStyle)
      ? settings.citationStyle
      : DEFAULT_CITATION_STYLE,
  }
}
