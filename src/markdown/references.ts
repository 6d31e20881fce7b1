import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { Element, ElementContent, Nodes, Root, Text } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import rehypeSanitize from 'rehype-sanitize'
import type { CslItem } from '../content/csl'
import { referenceSchema } from './sanitize-schema'
import type { CitationStyle } from './types'

/** citation-js template per style; a new style needs its CSL registered with citation-js. */
const TEMPLATES: Record<CitationStyle, string> = { vancouver: 'vancouver' }
const LOCALE = 'en-US'
const EXTERNAL_REL = ['noopener', 'noreferrer']

const sanitizeEntry = rehypeSanitize(referenceSchema)

export interface ReferenceFormatter {
  /**
   * Formats each item as sanitized inline hast (no number: callers number entries themselves),
   * with the DOI, PMID and http(s) URL as links. Returns a fresh tree per item, or undefined for an
   * item that citation-js cannot format. Results are cached by item content.
   */
  format(items: readonly CslItem[]): Array<Root | undefined>
}

/** A formatter with its own cache of formatted entries (at most `cacheSize` of them). */
export function createReferenceFormatter(
  style: CitationStyle,
  cacheSize = 5000,
): ReferenceFormatter {
  const template = TEMPLATES[style]
  const cache = new Map<string, Root | undefined>()

  return {
    format(items) {
      const keys = items.map(cacheKey)
      const missing = new Map<string, CslItem>()
      keys.forEach((key, index) => {
        if (!cache.has(key)) missing.set(key, items[index] as CslItem)
      })
      if (missing.size > 0) {
        const formatted = formatAll([...missing.values()], template)
        ;[...missing.keys()].forEach((key, index) => {
          if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string)
          cache.set(key, formatted[index])
        })
      }
      return keys.map((key) => {
        const root = cache.get(key)
        return root && structuredClone(root)
      })
    },
  }
}

function cacheKey(item: CslItem): string {
  // The key is not part of the formatted text, so the same work under two keys formats once.
  const { id: _id, ...rest } = item
  return JSON.stringify(rest)
}

function formatAll(items: CslItem[], template: string): Array<Root | undefined> {
  try {
    return formatBatch(items, template)
  } catch {
    // One bad item fails the whole batch; retry one by one to find it.
    return items.map((item) => {
      try {
        return formatBatch([item], template)[0]
      } catch {
        return undefined
      }
    })
  }
}

function formatBatch(items: CslItem[], template: string): Array<Root | undefined> {
  // citation-js writes ids into HTML attributes unescaped and numbers entries itself: give it
  // plain ids and read entries back by id, ignoring its numbers.
  const data = items.map((item, index) => ({ ...structuredClone(item), id: `item-${index}` }))
  const entries = new Map(
    plugins.output.format('bibliography', data, {
      format: 'html',
      template,
      lang: LOCALE,
      asEntryArray: true,
    }),
  )
  return items.map((item, index) => {
    const html = entries.get(`item-${index}`)
    return html === undefined ? undefined : entryToHast(html, item)
  })
}

function entryToHast(html: string, item: CslItem): Root {
  const fragment = fromHtml(html, { fragment: true })
  const body = findByClass(fragment, 'csl-right-inline') ?? findByClass(fragment, 'csl-entry')
  const root: Root = { type: 'root', children: body ? body.children : fragment.children }
  // Positions point into citation-js's HTML, which no caller can see.
  removePositions(root)
  trimEnds(root)
  linkIdentifiers(root, item)
  return sanitizeEntry(root)
}

function findByClass(node: Root | Element, className: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const classes = child.properties.className
    if (Array.isArray(classes) && classes.includes(className)) return child
    const found = findByClass(child, className)
    if (found) return found
  }
  return undefined
}

function removePositions(node: Nodes): void {
  delete node.position
  if ('children' in node) for (const child of node.children) removePositions(child)
}

function trimEnds(root: Root): void {
  const first = root.children[0]
  if (first?.type === 'text') first.value = first.value.trimStart()
  const last = root.children[root.children.length - 1]
  if (last?.type === 'text') last.value = last.value.trimEnd()
}

function linkIdentifiers(root: Root, item: CslItem): void {
  if (item.DOI) {
    const href = 'https://doi.org/' + item.DOI.split('/').map(encodeURIComponent).join('/')
    if (!linkText(root, item.DOI, item.DOI, href)) {
      root.children.push(text(' doi:'), link(href, item.DOI))
    }
  }
  if (item.PMID) {
    const href = `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(item.PMID)}/`
    if (!linkText(root, `PMID: ${item.PMID}`, item.PMID, href)) {
      root.children.push(text(' PMID: '), link(href, item.PMID))
    }
  }
  if (item.URL && /^https?:\/\//i.test(item.URL)) {
    linkText(root, item.URL, item.URL, item.URL)
  }
}

/**
 * Links `target` where it occurs inside `context` in a text node of `root` (the last such place,
 * outside links), e.g. the digits in `PMID: 123`. Returns whether it was found.
 */
function linkText(root: Root, context: string, target: string, href: string): boolean {
  const pattern = new RegExp(escapeRegExp(context) + '(?![0-9A-Za-z])', 'g')
  const texts = textNodes(root)
  for (let index = texts.length - 1; index >= 0; index--) {
    const { node, parent } = texts[index] as { node: Text; parent: Root | Element }
    const matches = [...node.value.matchAll(pattern)]
    const match = matches[matches.length - 1]
    if (!match) continue
    const start = match.index + context.lastIndexOf(target)
    const end = start + target.length
    const replacement: ElementContent[] = [
      text(node.value.slice(0, start)),
      link(href, node.value.slice(start, end)),
      text(node.value.slice(end)),
    ].filter((child) => child.type !== 'text' || child.value !== '')
    parent.children.splice(parent.children.indexOf(node), 1, ...replacement)
    return true
  }
  return false
}

function textNodes(root: Root): Array<{ node: Text; parent: Root | Element }> {
  const found: Array<{ node: Text; parent: Root | Element }> = []
  const walk = (parent: Root | Element): void => {
    for (const child of parent.children) {
      if (child.type === 'text') found.push({ node: child, parent })
      else if (child.type === 'element' && child.tagName !== 'a') walk(child)
    }
  }
  walk(root)
  return found
}

function text(value: string): Text {
  return { type: 'text', value }
}

function link(href: string, value: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href, rel: [...EXTERNAL_REL] },
    children: [text(value)],
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
