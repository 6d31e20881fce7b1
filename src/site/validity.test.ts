import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderSampleSite } from './sample'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const VNU = join(root, 'node_modules/vnu-jar/build/dist/vnu.jar')
const XML_CHECK = fileURLToPath(new URL('./testing/XmlWellFormed.java', import.meta.url))

/** A page the checker must reject: proves that it ran and that errors are read. */
const BROKEN =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>' +
  '<body><ul><p>x</p></ul><a href="/"><a href="/">y</a></a></body></html>'

let dir: string
let files: string[]

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'site-validity-'))
  files = []
  for (const [path, content] of renderSampleSite()) {
    const file = join(dir, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
    files.push(file)
  }
  writeFileSync(join(dir, 'broken.html'), BROKEN)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface NuMessage {
  type: string
  url: string
  message: string
  lastLine?: number
}

describe('validity of the rendered site', () => {
  it('passes the W3C Nu HTML checker (and its CSS checker) with no errors', async () => {
    const pages = files.filter((f) => f.endsWith('.html') || f.endsWith('.css'))
    expect(pages.length).toBeGreaterThanOrEqual(10)
    // One JVM for every file: vnu exits 1 when any file has errors, so read its JSON report.
    const result = await run(
      'java',
      [
        '-jar',
        VNU,
        '--errors-only',
        '--also-check-css',
        '--format',
        'json',
        ...pages,
        join(dir, 'broken.html'),
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout: string; stderr: string }) => error)
    const report = JSON.parse(result.stderr) as { messages: NuMessage[] }
    const errors = report.messages.filter((m) => m.type === 'error')
    const broken = errors.filter((m) => m.url.endsWith('/broken.html'))
    expect(broken.length).toBeGreaterThanOrEqual(2)
    const ours = errors
      .filter((m) => !m.url.endsWith('/broken.html'))
      .map((m) => `${m.url.slice(dir.length + 5)}:${m.lastLine ?? '?'} ${m.message}`)
    expect(ours).toEqual([])
  }, 60_000)

  it('writes well-formed XML for the sitemap and the feed', async () => {
    const xml = files.filter((f) => f.endsWith('.xml'))
    expect(xml).toHaveLength(2)
    const bad = join(dir, 'broken.xml')
    writeFileSync(bad, '<feed><entry></feed>')
    const result = await run('java', [XML_CHECK, ...xml, bad]).catch(
      (error: { stdout: string }) => error,
    )
    const lines = result.stdout.trim().split('\n')
    expect(lines.filter((l) => l.startsWith('OK '))).toHaveLength(2)
    expect(lines.filter((l) => l.startsWith('ERROR ')).map((l) => l.split(':')[0])).toEqual([
      `ERROR ${bad}`,
    ])
  }, 60_000)
})
