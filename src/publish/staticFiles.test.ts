import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { readFolderFile, sitePathOf } from './staticFiles'

describe('site paths of URLs', () => {
  it.each([
    ['/', 'index.html'],
    ['/articles/x/', 'articles/x/index.html'],
    ['/feed.xml', 'feed.xml'],
    ['/a/../b/', 'b/index.html'],
    ['/..%2f..%2fpackage.json', 'package.json'],
  ])('%s -> %s', (url, expected) => {
    expect(sitePathOf(url)).toBe(expected)
  })

  it.each(['/%', '/%zz', '/a%00b'])('names nothing for %s', (url) => {
    expect(sitePathOf(url)).toBeUndefined()
  })
})

describe('files of a plain folder', () => {
  const dir = path.resolve('src/site/assets')

  it('reads a file under the folder, with its type', async () => {
    const file = await readFolderFile(dir, '/site.css')
    expect(file?.contentType).toBe('text/css; charset=utf-8')
  })

  it('never reads outside it', async () => {
    expect(await readFolderFile(dir, '/../../../package.json')).toBeNull()
    expect(await readFolderFile(dir, '/..%2f..%2f..%2fpackage.json')).toBeNull()
    expect(await readFolderFile(dir, '/missing.css')).toBeNull()
  })
})
