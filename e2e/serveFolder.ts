import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { readFolderFile } from '../src/publish/staticFiles'

/**
 * Serves an exported site folder on loopback as a static host would (`/a/` is `a/index.html`, the
 * site's 404 page for anything else), for the tests and the benchmark that load it in Chromium.
 * Resolves to its address and a function that stops it.
 */
export async function serveFolder(
  dir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const found = await readFolderFile(dir, new URL(req.url ?? '/', 'http://x').pathname)
    const file = found ?? (await readFolderFile(dir, '/404.html'))
    if (!file) return void res.writeHead(404).end()
    res
      .writeHead(found ? 200 : 404, {
        'content-type': file.contentType,
        'cache-control': 'public, max-age=3600',
      })
      .end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
