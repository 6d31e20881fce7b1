import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CITATION_STYLES, cslItemSchema } from '../references'
import { createMarkdownProcessor, renderReferenceList, toHtml, toProblems } from './index'
import type { MarkdownOptions, RenderResult } from './index'

/**
 * Golden files: `fixtures/<case>/input.md`, optional `references.json` (CSL-JSON array) and
 * `options.json` (`{ "idPrefix"?, "siteUrl"?, "citationStyle"? }`), compared with `output.html`.
 * Run with `UPDATE=1` to rewrite the outputs, then review the diff. `citation-style-<style>`
 * cases render the same input in each registered style.
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

  it('have one citation-style case per registered style: same input, different references', () => {
    const read = (style: string, file: string) =>
      readFileSync(join(root, `citation-style-${style}`, file), 'utf8')
    const styles = CITATION_STYLES.map((style) => style.id)
    expect(cases.filter((name) => name.startsWith('citation-style-')).sort()).toEqual(
      styles.map((style) => `citation-style-${style}`).sort(),
    )
    const references = (style: string) =>
      read(style, 'output.html').split('<!-- references -->')[1]?.split('<!-- messages -->')[0]
    for (const style of styles.slice(1)) {
      expect(read(style, 'input.md')).toBe(read(styles[0]!, 'input.md'))
      expect(read(style, 'references.json')).toBe(read(styles[0]!, 'references.json'))
      expect(references(style)).not.toBe(references(styles[0]!))
    }
  })
})
