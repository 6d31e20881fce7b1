import type { Root } from 'hast'
import { visitElements } from './hast-walk'

/**
 * rehype plugin: turns the obsolete `align` attribute that GFM table cells get into a class
 * (`align-left`, `align-center`, `align-right`), so pages pass the HTML checker; the site's CSS
 * gives the classes their `text-align`.
 */
export default function rehypeTableAlign() {
  return (tree: Root): undefined => {
    visitElements(tree, (node) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return undefined
      const align = node.properties.align
      if (align === undefined) return undefined
      delete node.properties.align
      if (align === 'left' || align === 'center' || align === 'right') {
        node.properties.className = [`align-${align}`]
      }
      return undefined
    })
  }
}
