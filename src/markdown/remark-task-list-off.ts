import type { Root, Text } from 'mdast'
import type { VFile } from 'vfile'
import { visitNodes } from './mdast-walk'

/**
 * remark plugin: undoes GFM task list items (remark-gfm cannot switch them off). `- [ ] x` becomes
 * an ordinary list item whose text starts with the literal `[ ] `, so no checkbox is rendered.
 */
export default function remarkTaskListOff() {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value)
    visitNodes(tree, (item) => {
      if (item.type !== 'listItem' || item.checked === null || item.checked === undefined) {
        return undefined
      }
      const first = item.children[0]
      const marker =
        markerText(source, first?.position?.start.offset) ?? (item.checked ? '[x]' : '[ ]')
      item.checked = null
      if (first?.type !== 'paragraph') return undefined
      const text: Text = { type: 'text', value: `${marker} ` }
      const head = first.children[0]
      if (head?.type === 'text') head.value = text.value + head.value.trimStart()
      else first.children.unshift(text)
      return undefined
    })
  }
}

// The marker as written (`[x]` or `[X]`). remark-gfm starts the item's first paragraph on the
// marker, or just after it (and its spaces) when the paragraph starts with text.
function markerText(source: string, offset: number | undefined): string | undefined {
  if (offset === undefined) return undefined
  let end = offset
  while (end > 0 && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--
  for (const marker of [source.slice(offset, offset + 3), source.slice(end - 3, end)]) {
    if (/^\[[ xX]\]$/.test(marker)) return marker
  }
  return undefined
}
