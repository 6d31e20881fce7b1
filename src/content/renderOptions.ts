import type { PayloadRequest } from 'payload'

import { siteUrl } from '../config/env'
import type { MarkdownOptions } from '../markdown'

/**
 * The Markdown pipeline's options as the publisher sets them (the site's address), so previews
 * render exactly what publishing will.
 */
export async function renderOptions(_req: PayloadRequest): Promise<MarkdownOptions> {
  return { siteUrl: siteUrl() }
}
