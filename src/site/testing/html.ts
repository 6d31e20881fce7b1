import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'

/** Test helpers: parse a rendered page and query it without a DOM. */

export function parse(html: string): Root {
  return fromHtml(html)
}

export function all(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el)
  })
  return found
}

export function one(tree: Root | Element, test: (el: Element) => boolean): Element {
  const found = all(tree, test)
  if (found.length !== 1) throw new Error(`expected one match, found ${found.length}`)
  return found[0]!
}

export const tag =
  (name: string) =>
  (el: Element): boolean =>
    el.tagName === name

export const hasClass =
  (name: string) =>
  (el: Element): boolean =>
    Array.isArray(el.properties.className) && el.properties.className.includes(name)

export const byId =
  (id: string) =>
  (el: Element): boolean =>
    el.properties.id === id

export function text(node: Root | Element): string {
  return toString(node).replace(/\s+/g, ' ').trim()
}

export function attr(el: Element, name: string): string | undefined {
  const value = el.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}
