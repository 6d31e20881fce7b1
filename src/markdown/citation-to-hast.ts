import type { Element, ElementContent } from 'hast'
import type { Options as RemarkRehypeOptions } from 'remark-rehype'
import type { Citation, ResolvedCitationItem } from './data'

type Handler = NonNullable<NonNullable<RemarkRehypeOptions['handlers']>['citation']>

/**
 * remark-rehype handler for resolved `citation` nodes (see `remarkCitations`):
 *
 * `<sup class="citation"><a href="#ref-a" id="cite-1" role="doc-biblioref">1</a>, <a …>2</a></sup>`
 *
 * Numbers are listed, never collapsed into ranges, so every citation has an anchor that the
 * reference list can link back to. A prefix (`see`) precedes its number; a locator follows it as
 * `<span class="citation-locator">(p. 12)</span>`; an unknown key shows as
 * `<span class="citation-unknown">@key</span>`; an item without an anchor (inside link text)
 * shows its bare number.
 */
export const citationToHast: Handler = (state, node: Citation) => {
  const children: ElementContent[] = []
  const items: ResolvedCitationItem[] = node.data?.resolved ?? node.items
  items.forEach((item, index) => {
    if (index > 0) children.push({ type: 'text', value: ', ' })
    if (item.prefix) children.push({ type: 'text', value: `${item.prefix} ` })
    if (item.number === undefined) {
      children.push(span('citation-unknown', `@${item.key}`))
    } else if (item.id !== undefined && item.href !== undefined) {
      children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: item.href, id: item.id, role: 'doc-biblioref' },
        children: [{ type: 'text', value: String(item.number) }],
      })
    } else {
      children.push({ type: 'text', value: String(item.number) })
    }
    if (item.locator) children.push(span('citation-locator', `(${item.locator})`))
  })
  const result: Element = {
    type: 'element',
    tagName: 'sup',
    properties: { className: ['citation'] },
    children,
  }
  state.patch(node, result)
  return result
}

function span(className: string, value: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [className] },
    children: [{ type: 'text', value }],
  }
}
