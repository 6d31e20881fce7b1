import type { Element, ElementContent, Root } from 'hast'
import type { RenderedReference } from './types'
import { fragmentHref } from './util'

/**
 * The reference list as hast, for previews, fixtures and pages that do not build their own:
 *
 * `<ol class="references"><li id="ref-KEY">ENTRY <span class="ref-backlinks"><a href="#cite-1"
 * role="doc-backlink" aria-label="Back to citation 1 in the text">↩</a></span></li></ol>`
 *
 * Entries are numbered by the list itself (references come in number order, from 1). An entry
 * cited more than once gets one backlink per citation, labelled a, b, c… An empty list renders
 * as an empty root.
 */
export function renderReferenceList(references: readonly RenderedReference[]): Root {
  if (references.length === 0) return { type: 'root', children: [] }
  const items: ElementContent[] = references.map((reference) => ({
    type: 'element',
    tagName: 'li',
    properties: { id: reference.anchorId },
    children: [
      ...structuredClone(reference.formatted).children,
      ...backlinks(reference),
    ] as ElementContent[],
  }))
  return {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'ol',
        properties: { className: ['references'] },
        // Line breaks between entries, as remark-rehype puts between blocks, for readable HTML.
        children: items
          .flatMap((item) => [{ type: 'text', value: '\n' } as const, item])
          .concat({
            type: 'text',
            value: '\n',
          }),
      },
    ],
  }
}

function backlinks(reference: RenderedReference): ElementContent[] {
  const ids = reference.citedFrom
  if (ids.length === 0) return []
  const links: ElementContent[] = []
  ids.forEach((id, index) => {
    if (index > 0) links.push({ type: 'text', value: ' ' })
    const single = ids.length === 1
    links.push(
      backlink(
        id,
        single ? '↩' : letter(index),
        single
          ? `Back to citation ${reference.number} in the text`
          : `Back to citation ${reference.number}${letter(index)} in the text`,
      ),
    )
  })
  const span: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['ref-backlinks'] },
    children: ids.length === 1 ? links : [{ type: 'text', value: '↩ ' }, ...links],
  }
  return [{ type: 'text', value: ' ' }, span]
}

function backlink(id: string, label: string, ariaLabel: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: fragmentHref(id), role: 'doc-backlink', ariaLabel },
    children: [{ type: 'text', value: label }],
  }
}

// a … z, then aa, ab … for the rare reference cited more than 26 times.
function letter(index: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz'
  return index < 26
    ? (alphabet[index] as string)
    : letter(Math.floor(index / 26) - 1) + (alphabet[index % 26] as string)
}
