import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRenderPool, RenderError } from './pool'

const options = { siteUrl: 'https://answers.example.org' }
const pool = createRenderPool({ size: 2, timeoutMs: 1_500 })
beforeAll(() => pool.warm(), 60_000)
afterAll(() => pool.close())

/**
 * Within every Markdown limit, and still seconds of work: emphasis openers, as many as a paragraph
 * may hold, in paragraph after paragraph (their cost grows with the square of each paragraph's).
 */
const slowBody = ('*a'.repeat(990) + '\n\n').repeat(80)

describe('the render pool', () => {
  it('renders a document in a worker', async () => {
    const result = await pool.run('preview-document', {
      options,
      markdown: '## Short answer\n\nYes [@a].',
      references: [{ id: 'a', type: 'article-journal', title: 'A reference' }],
      variant: false,
    })
    expect(result.html).toContain('<h2')
    expect(result.html).toContain('class="reference-list"')
    expect(result.problems).toEqual([])
  })

  it('refuses a document past its time budget, and the next document still renders', async () => {
    const order: string[] = []
    const slow = pool
      .run('check-article', { options, article: { title: 'Q?', body: slowBody, references: [] } })
      .then(
        () => order.push('slow rendered'),
        (error: unknown) => {
          order.push('slow refused')
          return error
        },
      )
    // Meanwhile another document is not held up by the slow one.
    const quick = pool
      .run('check-article', { options, article: { title: 'Q?', body: 'Plain.', references: [] } })
      .then((problems) => {
        order.push('quick rendered')
        return problems
      })
    await expect(quick).resolves.toMatchObject({ citedKeys: [] })
    expect(await slow).toMatchObject({ name: 'RenderError', failure: 'timeout' })
    expect(order).toEqual(['quick rendered', 'slow refused'])
    const after = await pool.run('check-article', {
      options,
      article: { title: 'Q?', body: 'Still working [@a].', references: [] },
    })
    expect(after.problems.map((p) => p.ruleId)).toContain('citation-key')
  })

  it('reports what a task threw as a failure, not a crash', async () => {
    await expect(
      pool.run('preview-document', {
        options,
        markdown: 'x',
        references: [],
        variant: false,
        idPrefix: 'has space',
      }),
    ).rejects.toSatisfy(
      (error) =>
        error instanceof RenderError &&
        error.failure === 'failed' &&
        /idPrefix/.test(error.message),
    )
  })

  it('fails queued work when closed', async () => {
    const closing = createRenderPool({ size: 1 })
    const pending = closing
      .run('check-article', { options, article: { title: 'Q?', body: slowBody, references: [] } })
      .catch((error: unknown) => error)
    await closing.close()
    expect(await pending).toMatchObject({ failure: 'closed' })
    await expect(
      closing.run('check-article', { options, article: { title: 'Q', body: 'x', references: [] } }),
    ).rejects.toMatchObject({ failure: 'closed' })
  })
})

describe('a profiled render pool', () => {
  it('writes a CPU profile of each worker that ran, naming what it rendered', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'render-profile-'))
    try {
      const profiled = createRenderPool({ size: 1, profileDir: dir })
      await profiled.run('check-article', {
        options,
        article: { title: 'Q?', body: 'Yes [@a].', references: [] },
      })
      await profiled.close()
      // (Under tsx, the module loader's own thread writes one too.)
      const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.cpuprofile'))
      const names = new Set<string>()
      for (const file of files) {
        const profile = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as {
          nodes: { callFrame: { functionName: string } }[]
        }
        for (const node of profile.nodes) names.add(node.callFrame.functionName)
      }
      expect(names).toContain('examineArticle')
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
