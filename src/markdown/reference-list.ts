import type { Element, ElementContent, Root } from 'hast'
import type { RenderedReference } from './types'
import { fragmentHref } from './util'

/**
 * The reference list as hast: the one rendering of it, used by the published pages, the admin
 * previews and the golden fixtures alike.
 *
 * `<ol class="reference-list"><li id="ref-KEY"><span class="reference-text">ENTRY</span>
 * <span class="backlinks"><a href="#cite-1" role="doc-backlink" aria-label="Back to citation 1
 * in the text">↩</a></span></li></ol>`
 *
 * Entries are numbered by the list itself (references come in number order, from 1). An entry
 * cited more than once gets a hidden `↩` and one backlink per citation, labelled a, b, c… (as
 * Wikipedia does), each named "Back to citation 2b in the text". An empty list renders as an
 * empty root.
 */
export function renderReferenceList(references: readonly RenderedReference[]): Root {
  if (references.length === 0) return { type: 'root', children: [] }
  const items: ElementContent[] = references.map((reference) => ({
    type: 'element',
    tagName: 'li',
    properties: { id: reference.anchorId },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['reference-text'] },
        children: structuredClone(reference.formatted).children as ElementContent[],
      },
      ...backlinks(reference),
    ],
  }))
  return {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'ol',
        properties: { className: ['reference-list'] },
        // Line breaks between entries, as remark-rehype puts between blocks, for readable HTML.
        children: items
          .flatMap((item) => [{ type: 'text', value: '\n' } as const, item])
          .concat({ type: 'text', value: '\n' }),
      },
    ],
  }
}

function backlinks(reference: RenderedReference): ElementContent[] {
  const ids = reference.citedFrom
  if (ids.length === 0) return []
  const single = ids.length === 1
  const links: ElementContent[] = single
    ? [backlink(ids[0]!, '↩', `Back to citation ${reference.number} in the text`)]
    : [
        {
          type: 'element',
          tagName: 'span',
          properties: { ariaHidden: 'true' },
          children: [{ type: 'text', value: '↩' }],
        },
        ...ids.flatMap((id, index): ElementContent[] => [
          { type: 'text', value: ' ' },
          backlink(
            id,
            letter(index),
            `Back to citation ${reference.number}${letter(index)} in the text`,
          ),
        ]),
      ]
  const span: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['backlinks'] },
    children: links,
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
