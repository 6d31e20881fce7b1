import path from 'node:path'

import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

import { CORE } from './layers.mjs'

const root = path.resolve(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: root })

/** The layer errors the project's own lint configuration reports for `code` at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result!.messages.filter((m) => m.ruleId === 'project/layers').map((m) => m.message)
}

describe('the layers lint rule (part of npm test through npm run lint)', () => {
  it('refuses Payload, Next and glue imports in every core module', async () => {
    for (const unit of Object.keys(CORE)) {
      const file = `${unit}/probe.ts`
      expect(await layerErrors(file, "import { getPayload } from 'payload'\n")).toEqual([
        expect.stringContaining(`${unit} is a core module: it must not import payload`),
      ])
      expect(
        await layerErrors(file, "import type { NextRequest } from 'next/server'\n"),
      ).toHaveLength(1)
      expect(
        await layerErrors(file, "import type { Article } from '../../payload-types'\n"),
      ).toEqual([expect.stringContaining('not payload-types')])
      expect(
        await layerErrors(file, "export { Articles } from '../../collections/Articles'\n"),
      ).toEqual([expect.stringContaining('not collections')])
      expect(await layerErrors(file, "const m = await import('../publish/publishSite')\n")).toEqual(
        [expect.stringContaining('not src/publish')],
      )
    }
  })

  it('lets the core import only downwards, so no two core modules can form a cycle', async () => {
    expect(
      await layerErrors('src/markdown/probe.ts', "import { STATE_LABELS } from '../workflow'\n"),
    ).toEqual([])
    expect(
      await layerErrors(
        'src/workflow/probe.ts',
        "import type { RenderResult } from '../markdown'\n",
      ),
    ).toEqual([
      expect.stringContaining('src/workflow is a core module: it may import only nothing'),
    ])
    expect(
      await layerErrors('src/markdown/probe.ts', "import { renderArticlePage } from '../site'\n"),
    ).toEqual([expect.stringContaining('not src/site')])
    expect(
      await layerErrors('src/references/probe.ts', "import '../markdown/processor'\n"),
    ).toEqual([expect.stringContaining('not src/markdown')])
    // Every pair of core modules: at most one direction is allowed.
    for (const [a, importsOfA] of Object.entries(CORE)) {
      for (const b of importsOfA) expect(CORE[b as keyof typeof CORE]).not.toContain(a)
    }
  })

  it('keeps the publisher out of the admin', async () => {
    expect(
      await layerErrors(
        'src/admin/Probe.tsx',
        "import { publishSite } from '../publish/publishSite'\n",
      ),
    ).toEqual([expect.stringContaining('src/admin must not import src/publish')])
    expect(
      await layerErrors('src/admin/Probe.tsx', "import { STATE_LABELS } from '../workflow'\n"),
    ).toEqual([])
  })

  it('lets the glue use the core and Payload', async () => {
    expect(
      await layerErrors(
        'collections/Articles/probe.ts',
        "import type { Payload } from 'payload'\nimport { decide } from '../../src/workflow'\n",
      ),
    ).toEqual([])
  })
})
