import type { Root } from 'hast'
import GithubSlugger, { slug } from 'github-slugger'
import type { VFile } from 'vfile'
import { visitElements } from './hast-walk'
import { textWithoutCitations } from './hast-text'
import type { TocEntry } from './types'

const HEADING = /^h([1-6])$/

/**
 * rehype plugin: gives every heading an id, the github-slugger slug of its text (citations left
 * out), unique in the document and never equal to a citation or reference id; a heading without
 * sluggable text gets `section`. Ids take `file.data.idPrefix`. Writes `file.data.toc`: the h2
 * and h3 headings with text, in document order.
 */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile): undefined => {
    const prefix = file.data.idPrefix ?? ''
    const slugger = new GithubSlugger()
    for (const reference of file.data.citations ?? []) {
      reserve(slugger, reference.anchorId.slice(prefix.length))
      for (const id of reference.citedFrom) reserve(slugger, id.slice(prefix.length))
    }
    const toc: TocEntry[] = []
    visitElements(tree, (node) => {
      const depth = HEADING.exec(node.tagName)?.[1]
      if (!depth) return undefined
      const text = textWithoutCitations(node)
      const id = prefix + slugger.slug(slug(text) === '' ? 'section' : text)
      node.properties.id = id
      if ((depth === '2' || depth === '3') && text !== '')
        toc.push({ depth: depth === '2' ? 2 : 3, id, text })
      // Headings hold no headings.
      return 'skip'
    })
    file.data.toc = toc
  }
}

function reserve(slugger: GithubSlugger, id: string): void {
  slugger.occurrences[id] = 0
}
