import path from 'node:path'

import { ROOT_DIR } from '../../../../../config/env'
import { readFolderFile } from '../../../../../publish/staticFiles'

const MONACO = path.join(ROOT_DIR, 'node_modules', 'monaco-editor', 'min', 'vs')

/**
 * The admin's code editor (Monaco) served from the installed package instead of a CDN, so the
 * Markdown editor works on machines without internet access.
 */
export async function GET(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  const file = await readFolderFile(MONACO, pathname.replace(/^\/monaco\/vs/, ''))
  if (!file) return new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(file.body), {
    headers: { 'content-type': file.contentType, 'cache-control': 'public, max-age=86400' },
  })
}
