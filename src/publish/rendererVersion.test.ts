import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { rendererInputs } from './rendererVersion'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

describe('the renderer version', () => {
  it('covers the module graph of the publisher, the files it loads, and its packages', async () => {
    const { files, packages } = await rendererInputs({ root: ROOT })
    expect(files).toContain('src/publish/publishSite.ts')
    expect(files.filter((f) => f.startsWith('src/workflow/')).length).toBeGreaterThan(0)
    expect(files.filter((f) => f.startsWith('src/markdown/')).length).toBeGreaterThan(0)
    expect(files).toEqual(
      expect.arrayContaining(['src/site/assets/site.css', 'src/site/assets/site.js']),
    )
    expect(files.filter((f) => /\.test\.tsx?$/.test(f))).toEqual([])
    expect(
      files.filter((f) => f.startsWith('src/admin/') || f.startsWith('node_modules/')),
    ).toEqual([])
    const names = packages.map((p) => p.split('@')[0].replace(/.*node_modules\//, ''))
    // Imported by the graph, and imported by what it imports.
    expect(names).toEqual(expect.arrayContaining(['unified', 'react-dom', 'vfile', 'bail']))
    expect(names).not.toContain('eslint')
    expect(names).not.toContain('vitest')
  })

  it('changes when a workflow label changes, and not for files the pages do not import', async () => {
    const { version, files } = await rendererInputs({ root: ROOT })
    // The label the tracker and the badges print for an approved article.
    const labelled = files.filter(
      (f) =>
        f.startsWith('src/workflow/') &&
        fs.readFileSync(path.join(ROOT, f), 'utf8').includes("'Approved'"),
    )
    expect(labelled.length).toBeGreaterThan(0)
    const read: string[] = []
    const relabelled = await rendererInputs({
      root: ROOT,
      readFile: (file) => {
        const relative = path.relative(ROOT, file)
        read.push(relative)
        const text = fs.readFileSync(file, 'utf8')
        return labelled.includes(relative) ? text.replaceAll("'Approved'", "'Signed off'") : text
      },
    })
    expect(relabelled.version).not.toBe(version)
    expect(read.filter((f) => f.startsWith('src/admin/') || f.startsWith('collections/'))).toEqual(
      [],
    )
    expect((await rendererInputs({ root: ROOT })).version).toBe(version)
  })
})
