import { siteDir } from '../../../config/env'
import { readStaticFile } from '../../../publish/staticFiles'

export const dynamic = 'force-dynamic'

/** Serves the published static site (the `current` build) at `/`. */
export async function GET(request: Request): Promise<Response> {
  // The raw (still encoded) path: readStaticFile decodes it exactly once.
  const { pathname } = new URL(request.url)
  const file = await readStaticFile(siteDir(), pathname)
  if (!file) {
    return new Response(
      'The site has not been published yet. Run `npm run publish`, or approve an article in /admin.',
      {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' },
      },
    )
  }
  return new Response(new Uint8Array(file.body), {
    status: file.status,
    headers: {
      'content-type': file.contentType,
      'cache-control': file.contentType.startsWith('text/html')
        ? 'no-cache'
        : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
  })
}
