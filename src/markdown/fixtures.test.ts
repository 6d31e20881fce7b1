import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cslItemSchema } from '../content/csl'
import { createMarkdownProcessor, renderReferenceList, toHtml, toProblems } from './index'
import type { MarkdownOptions, RenderResult } from './index'

/**
 * Golden files: `fixtures/<case>/input.md`, optional `references.json` (CSL-JSON array) and
 * `options.json` (`{ "idPrefix"?, "siteUrl"? }`), compared with `output.html`. Run with
 * `UPDATE=1` to rewrite the outputs, then review the diff.
 */
const root = fileURLToPath(new URL('./fixtures', import.meta.url))
const update = process.env.UPDATE === '1'
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
}

function serialize(result: RenderResult): string {
  const comment = (text: string) => `<!-- ${text.replace(/-->/g, '-- >')} -->`
  const lines = [
    comment('body'),
    toHtml(result.hast),
    comment('references'),
    toHtml(renderReferenceList(result.references)),
  ]
  if (result.toc.length > 0) {
    lines.push(
      comment('toc'),
      ...result.toc.map((entry) => comment(`h${entry.depth} #${entry.id} ${entry.text}`)),
    )
  }
  lines.push(comment('messages'))
  for (const problem of toProblems(result.messages)) {
    const place = problem.line === undefined ? '-' : `${problem.line}:${problem.column}`
    lines.push(comment(`${problem.severity} ${problem.ruleId} ${place} ${problem.message}`))
  }
  return lines.join('\n') + '\n'
}

describe('golden fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9)
  })

  it.each(cases)('%s', (name) => {
    const dir = join(root, name)
    const options = (readJson(join(dir, 'options.json')) ?? {}) as MarkdownOptions & {
      idPrefix?: string
    }
    const references = cslItemSchema.array().parse(readJson(join(dir, 'references.json')) ?? [])
    const processor = createMarkdownProcessor({
      siteUrl: options.siteUrl,
      citationStyle: options.citationStyle,
    })
    const result = processor.render({
      markdown: readFileSync(join(dir, 'input.md'), 'utf8'),
      references,
      path: `${name}/input.md`,
      idPrefix: options.idPrefix,
    })
    const actual = serialize(result)
    const outputPath = join(dir, 'output.html')
    if (update) writeFileSync(outputPath, actual)
    expect(existsSync(outputPath), `${outputPath} is missing: run with UPDATE=1`).toBe(true)
    expect(actual).toBe(readFileSync(outputPath, 'utf8'))
  })
})
