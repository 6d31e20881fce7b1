import type { Element, Root } from 'hast'
import { toHtml as hastToHtml } from 'hast-util-to-html'

import { visitElements } from './hast-walk'

/** Serializes (already sanitized) hast to HTML, for previews and fixtures. */
export function toHtml(root: Root): string {
  return hastToHtml(root)
}

/** Sanitized HTML with the element ids it holds (pages check that ids never repeat). */
export interface SanitizedHtml {
  html: string
  ids: string[]
}

/**
 * A rendered (sanitized) tree as HTML, and the ids of its elements in document order: the form
 * rendered documents are kept and put into pages in, so a page never converts the tree again.
 */
export function toSanitizedHtml(root: Root | Element): SanitizedHtml {
  const ids: string[] = []
  const tree: Root = root.type === 'root' ? root : { type: 'root', children: [root] }
  visitElements(tree, (node) => {
    if (typeof node.properties.id === 'string') ids.push(node.properties.id)
    return undefined
  })
  return { html: hastToHtml(tree), ids }
}
