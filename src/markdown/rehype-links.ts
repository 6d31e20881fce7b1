import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { visitElements } from './hast-walk'
import { isCitationElement, textWithoutCitations } from './hast-text'
import { quote, report } from './messages'
import { fragmentHref, fragmentId } from './util'

export interface RehypeLinksOptions {
  /** Absolute links to this URL's host are internal. */
  siteUrl?: string
}

const EXTERNAL_REL = ['noopener', 'noreferrer']

/**
 * rehype plugin for authored links (citation links are left alone):
 * - `#anchor` must name an id in the document (a heading, citation or reference entry, written
 *   without the render's idPrefix), else `link-anchor`; the href is rewritten to the prefixed id;
 * - an empty href is reported as `link-empty` and the link is replaced by its text;
 * - a link without text is reported as `link-empty` and shows its address as text;
 * - http(s) links to another host than `siteUrl` get `rel="noopener noreferrer"`.
 * Runs after heading ids and URL checks.
 */
export default function rehypeLinks(options: RehypeLinksOptions = {}) {
  const siteHost = options.siteUrl ? new URL(options.siteUrl).host : undefined
  return (tree: Root, file: VFile): undefined => {
    const prefix = file.data.idPrefix ?? ''
    const ids = collectIds(tree)
    for (const reference of file.data.citations ?? []) ids.add(reference.anchorId)

    visitElements(tree, (node, index, parent) => {
      if (isCitationElement(node)) return 'skip'
      if (node.tagName !== 'a') return undefined
      const href = node.properties.href
      if (typeof href !== 'string') return undefined

      if (href.trim() === '') {
        report(
          file,
          'link-empty',
          `Link ${quote(textWithoutCitations(node) || '[]()')} has no address: put the URL between the parentheses or remove the link`,
          node,
        )
        parent.children.splice(index, 1, ...node.children)
        return index
      }

      if (!hasContent(node)) {
        report(
          file,
          'link-empty',
          `Link to ${quote(href)} has no text: write the link text between the brackets`,
          node,
        )
        node.children = [{ type: 'text', value: href }]
      }

      const target = fragmentId(href)
      if (target !== undefined) {
        if (ids.has(prefix + target)) {
          node.properties.href = fragmentHref(prefix + target)
        } else {
          report(
            file,
            'link-anchor',
            target === ''
              ? 'Link to `#` points nowhere: link to a heading id, as in [see](#heading-text)'
              : `Link to ${quote('#' + target)} matches no heading in this document: fix the anchor or the heading`,
            node,
          )
        }
        return undefined
      }

      if (isExternal(href, siteHost)) node.properties.rel = [...EXTERNAL_REL]
      return undefined
    })
  }
}

function collectIds(tree: Root): Set<string> {
  const ids = new Set<string>()
  visitElements(tree, (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id)
    return undefined
  })
  return ids
}

function hasContent(link: Element): boolean {
  return textWithoutCitations(link) !== ''
}

function isExternal(href: string, siteHost: string | undefined): boolean {
  if (!/^https?:/i.test(href)) return false
  try {
    return new URL(href).host !== siteHost
  } catch {
    return true
  }
}
