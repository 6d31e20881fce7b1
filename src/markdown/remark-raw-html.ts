import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { visitNodes } from './mdast-walk'
import { quote, report } from './messages'

// An HTML node that is nothing but comments: invisible in any case, so dropping it is silent.
const ONLY_COMMENTS = /^(?:\s*<!--(?:(?!-->)[\s\S])*-->)+\s*$/

/**
 * remark plugin: removes every raw HTML node (block or inline) and reports each as `html-dropped`.
 * Text between inline tags stays as text (`<b>bold</b>` leaves `bold`); an HTML block goes
 * entirely. Comments are dropped without a message.
 */
export default function remarkRawHtml() {
  return (tree: Root, file: VFile): undefined => {
    visitNodes(tree, (node, index, parent) => {
      if (node.type !== 'html') return undefined
      parent.children.splice(index, 1)
      if (!ONLY_COMMENTS.test(node.value)) {
        report(
          file,
          'html-dropped',
          `Raw HTML ${quote(node.value)} was removed: write it in Markdown instead`,
          node,
        )
      }
      return index
    })
  }
}
