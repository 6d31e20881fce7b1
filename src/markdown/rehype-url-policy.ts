import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { visitElements } from './hast-walk'
import { quote, report } from './messages'
import { checkUrl } from './url'

/**
 * rehype plugin: applies `checkUrl` to every link `href` and image `src`. A link with an unsafe
 * URL is replaced by its text; an image by its alt text (if any). Each is reported as `url-unsafe`.
 * Safe URLs get a lower-cased scheme, which rehype-sanitize's case-sensitive check requires.
 */
export default function rehypeUrlPolicy() {
  return (tree: Root, file: VFile): undefined => {
    visitElements(tree, (node, index, parent) => {
      const attribute = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined
      if (!attribute) return undefined
      const value = node.properties[attribute]
      if (typeof value !== 'string') return undefined
      const verdict = checkUrl(value, attribute)
      if (verdict.safe) {
        node.properties[attribute] = verdict.url
        return undefined
      }
      const what = attribute === 'href' ? 'link' : 'image source'
      report(
        file,
        'url-unsafe',
        `Unsafe ${what} ${quote(value)} was removed: ${verdict.advice}`,
        node,
      )
      const replacement = attribute === 'href' ? node.children : altText(node)
      parent.children.splice(index, 1, ...replacement)
      return index
    })
  }
}

function altText(image: Element): Element['children'] {
  const alt = image.properties.alt
  return typeof alt === 'string' && alt.trim() !== '' ? [{ type: 'text', value: alt }] : []
}
