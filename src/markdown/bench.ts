/**
 * Timing of one seed-size article (fixtures/article: ~940 words, 15 references, 52 citations).
 * Run: `npx tsx src/markdown/bench.ts`. Not a test: prints figures, asserts nothing.
 */
import { readFileSync } from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { cslItemSchema } from '../references'
import { createMarkdownProcessor } from './processor'

const dir = new URL('./fixtures/article/', import.meta.url)
const markdown = readFileSync(new URL('input.md', dir), 'utf8')
const references = cslItemSchema
  .array()
  .parse(JSON.parse(readFileSync(new URL('references.json', dir), 'utf8')))

function time(run: () => void): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

let processor = createMarkdownProcessor()
const build = time(() => {
  processor = createMarkdownProcessor()
})
const first = time(() => processor.render({ markdown, references }))
const warm = Array.from({ length: 200 }, () =>
  time(() => processor.render({ markdown, references })),
)
// A new processor per render has an empty reference cache: citation-js formats all 15 again.
const uncached = Array.from({ length: 30 }, () => {
  const fresh = createMarkdownProcessor()
  return time(() => fresh.render({ markdown, references }))
})

// For scale: the bare parser and converter this pipeline is built on.
const bare = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).freeze()
const baseline = Array.from({ length: 200 }, () => time(() => bare.runSync(bare.parse(markdown))))

const ms = (value: number) => `${value.toFixed(2)} ms`
console.log(`build processor:                ${ms(build)}`)
console.log(`first render (cold JIT, engine): ${ms(first)}`)
console.log(`render, references cached:      ${ms(median(warm))} (median of ${warm.length})`)
console.log(
  `render, references uncached:    ${ms(median(uncached))} (median of ${uncached.length})`,
)
console.log(
  `baseline remark+GFM+rehype:     ${ms(median(baseline))} (median of ${baseline.length})`,
)
