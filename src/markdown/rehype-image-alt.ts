import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { visitElements } from './hast-walk'
import { quote, report } from './messages'

/** rehype plugin: reports images without alt text as `image-alt` (they keep `alt=""`). */
export default function rehypeImageAlt() {
  return (tree: Root, file: VFile): undefined => {
    visitElements(tree, (node) => {
      if (node.tagName !== 'img') return undefined
      const alt = node.properties.alt
      if (typeof alt === 'string' && alt.trim() !== '') return undefined
      node.properties.alt = ''
      report(
        file,
        'image-alt',
        `Image ${quote(String(node.properties.src ?? ''))} has no alt text: describe it between the brackets, as in ![Chest X-ray showing …](image.png)`,
        node,
      )
      return undefined
    })
  }
}
