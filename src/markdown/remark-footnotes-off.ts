import type { Root, RootContent, Text } from 'mdast'
import type { VFile } from 'vfile'
import { visitNodes } from './mdast-walk'
import { quote, report } from './messages'

/**
 * remark plugin: GFM footnotes are not supported (remark-gfm cannot switch them off), because their
 * superscript numbers would be confused with the numbered citations. A footnote reference becomes
 * its literal text (`[^1]`), a footnote definition becomes its content preceded by `[^1]: `, and
 * each is reported as `footnote-unsupported`.
 */
export default function remarkFootnotesOff() {
  return (tree: Root, file: VFile): undefined => {
    visitNodes(tree, (node, index, parent) => {
      if (node.type === 'footnoteReference') {
        const text: Text = { type: 'text', value: `[^${node.label ?? node.identifier}]` }
        if (node.position) text.position = node.position
        parent.children.splice(index, 1, text)
        report(
          file,
          'footnote-unsupported',
          `Footnote ${quote(text.value)} is not supported: cite a reference with [@key] or put the note in the text`,
          node,
        )
        return index + 1
      }
      if (node.type === 'footnoteDefinition') {
        const label = `[^${node.label ?? node.identifier}]: `
        const content: RootContent[] = node.children
        const first = content[0]
        if (first?.type === 'paragraph') first.children.unshift({ type: 'text', value: label })
        else content.unshift({ type: 'paragraph', children: [{ type: 'text', value: label }] })
        parent.children.splice(index, 1, ...content)
        report(
          file,
          'footnote-unsupported',
          `Footnote definition ${quote(label.trim())} is not supported: cite a reference with [@key] or put the note in the text`,
          node,
        )
        // Revisit the content: it may hold footnote references.
        return index
      }
      return undefined
    })
  }
}
