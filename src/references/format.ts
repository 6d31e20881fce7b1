import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { Element, ElementContent, Nodes, Root, Text } from 'hast'
import { fromHtml } from 'hast-util-from-html'

import type { CslItem } from './csl'
import { stableStringify } from './json'
import { citationTemplate, type CitationStyle } from './styles'

const LOCALE = 'en-US'
const EXTERNAL_REL = ['noopener', 'noreferrer']

export interface ReferenceFormatter<T> {
  /**
   * Each item's entry in the style, without its number (callers number entries themselves), in
   * the order given; undefined for an item citation-js cannot format. Entries are cached by
   * content (the citation key aside), so each distinct reference is formatted once; the values
   * returned are the cached ones: copy before changing them.
   */
  format(items: readonly CslItem[]): Array<T | undefined>
  /** How many distinct references this formatter has formatted (cache misses). */
  readonly formatted: number
}

export interface FormatterOptions<T> {
  /** Most entries kept (least recently used go first). Default 5000. */
  cacheSize?: number
  /** Turns an entry into what callers keep (e.g. sanitized), once per distinct reference. */
  entry?: (root: Root, item: CslItem) => T
}

/**
 * A formatter for one style with its own cache. An entry is hast: citation-js's HTML for the
 * entry's text (i, b, sup, sub, span), without positions, with the DOI, PMID and http(s) URL as
 * links (`rel="noopener noreferrer"`), and a DOI or PMID the style does not print appended.
 * Throws a TypeError for a style not in the registry.
 */
export function createReferenceFormatter(
  style: CitationStyle,
  options?: { cacheSize?: number },
): ReferenceFormatter<Root>
export function createReferenceFormatter<T>(
  style: CitationStyle,
  options: FormatterOptions<T> & { entry: (root: Root, item: CslItem) => T },
): ReferenceFormatter<T>
export function createReferenceFormatter<T>(
  style: CitationStyle,
  options: FormatterOptions<T> = {},
): ReferenceFormatter<T> {
  const template = citationTemplate(style)
  const cacheSize = options.cacheSize ?? 5000
  const entry = options.entry ?? ((root: Root) => root as T)
  if (!Number.isInteger(cacheSize) || cacheSize < 0) {
    throw new TypeError(`cacheSize must be a whole number >= 0, not ${cacheSize}`)
  }
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const cache = new Map<string, T | undefined>()
  let formatted = 0

  return {
    get formatted() {
      return formatted
    },
    format(items) {
      const keys = items.map(contentKey)
      // This call's results, apart from the cache: evicting cannot lose what is about to return.
      const results = new Map<string, T | undefined>()
      const missing = new Map<string, CslItem>()
      keys.forEach((key, index) => {
        if (results.has(key) || missing.has(key)) return
        if (cache.has(key)) {
          const value = cache.get(key)
          results.set(key, value)
          cache.delete(key)
          cache.set(key, value)
        } else missing.set(key, items[index] as CslItem)
      })
      if (missing.size > 0) {
        const roots = formatAll([...missing.values()], template)
        let index = 0
        for (const [key, item] of missing) {
          const root = roots[index++]
          const value = root === undefined ? undefined : entry(root, item)
          results.set(key, value)
          cache.set(key, value)
        }
        formatted += missing.size
        while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string)
      }
      return keys.map((key) => results.get(key))
    },
  }
}

function contentKey(item: CslItem): string {
  // The key is not part of the formatted text, so the same work under two keys formats once.
  const { id: _id, ...rest } = item
  return stableStringify(rest)
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
  return root
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
