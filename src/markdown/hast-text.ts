import type { Nodes } from 'hast'

/** Text content of a hast node, without in-text citations (`sup.citation`), whitespace collapsed. */
export function textWithoutCitations(node: Nodes): string {
  return collect(node).replace(/\s+/g, ' ').trim()
}

function collect(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' && isCitation(node.tagName, node.properties.className)) return ''
  if (node.type === 'element' && node.tagName === 'img') {
    const alt = node.properties.alt
    return typeof alt === 'string' ? alt : ''
  }
  if ('children' in node) return node.children.map(collect).join('')
  return ''
}

function isCitation(tagName: string, className: unknown): boolean {
  return tagName === 'sup' && Array.isArray(className) && className.includes('citation')
}

/** Whether `node` is an in-text citation group rendered by `citationToHast`. */
export function isCitationElement(node: Nodes): boolean {
  return node.type === 'element' && isCitation(node.tagName, node.properties.className)
}
