import fs from 'node:fs/promises'
import path from 'node:path'

import { toHtml } from 'hast-util-to-html'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

import { splitFrontMatter } from '../src/content/sourceText'

/** Every article body of the corpus, as the floor and the re-render runs read them. */
export async function readBodies(corpusDir: string): Promise<string[]> {
  const files = (await fs.readdir(path.join(corpusDir, 'articles'))).filter((f) =>
    f.endsWith('.md'),
  )
  return Promise.all(
    files.map(
      async (f) =>
        splitFrontMatter(await fs.readFile(path.join(corpusDir, 'articles', f), 'utf8'))!.body,
    ),
  )
}

/**
 * The bare one-thread unified floor: CommonMark + GFM -> hast -> HTML for every body, with none of
 * the platform's work (citations, checks, sanitizing, references, pages). Milliseconds.
 */
export function unifiedFloor(bodies: readonly string[]): number {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).freeze()
  const started = performance.now()
  for (const body of bodies) toHtml(processor.runSync(processor.parse(body)))
  return performance.now() - started
}
