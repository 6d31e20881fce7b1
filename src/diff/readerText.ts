import type { Element, ElementContent, Nodes } from 'hast'
import { toString } from 'hast-util-to-string'

import { limitBreach, type MarkdownProcessor, type RenderResult } from '../markdown'
import type { CslItem } from '../references'

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'tr',
  'table',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'div',
  'figure',
  'figcaption',
  'details',
  'summary',
  'section',
  'hr',
])

/**
 * The text readers see of a rendered document, one line per block (paragraph, heading, list item,
 * table row, line of code), whitespace collapsed inside each; list items start with their bullet
 * or number, in-text citations show their numbers in brackets, images their alternative text, and
 * the numbered reference list follows under "References". What a reviewer compares when they ask
 * what changed for readers rather than in the Markdown.
 */
export function readerLines(result: Pick<RenderResult, 'hast' | 'references'>): string[] {
  const lines: string[] = []
  const text = new Text(lines)
  walk(result.hast, text, [])
  text.flush()
  if (result.references.length) {
    lines.push('References')
    for (const reference of result.references) {
      lines.push(`${reference.number}. ${collapse(toString(reference.formatted))}`)
    }
  }
  return lines
}

/**
 * `readerLines` of `markdown` rendered by the site's pipeline with `references`, or the reason it
 * cannot be rendered (a document past the Markdown limits is not parsed at all).
 */
export function renderReaderText(
  processor: MarkdownProcessor,
  markdown: string,
  references: readonly CslItem[],
): { lines: string[] } | { unavailable: string } {
  const breach = limitBreach(markdown)
  if (breach)
    return { unavailable: `${breach.reason} (line ${breach.line}, column ${breach.column})` }
  return { lines: readerLines(processor.render({ markdown, references, reportUnused: false })) }
}

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim()

/** The line being gathered, and the lines done. */
class Text {
  private line = ''
  constructor(private readonly lines: string[]) {}
  add(value: string) {
    this.line += value
  }
  pending(): boolean {
    return collapse(this.line) !== ''
  }
  flush(prefix = '') {
    const line = collapse(this.line)
    if (line) this.lines.push(prefix + line)
    this.line = ''
  }
  push(line: string) {
    this.flush()
    this.lines.push(line)
  }
}

/** Bullets and numbers of the list items being walked, innermost last. */
type Lists = { ordered: boolean; next: number }[]

function walk(node: Nodes, text: Text, lists: Lists): void {
  if (node.type === 'text') {
    text.add(node.value)
    return
  }
  if (node.type === 'root') {
    for (const child of node.children) walk(child, text, lists)
    return
  }
  if (node.type !== 'element') return
  const tag = node.tagName
  if (tag === 'br') {
    text.flush()
    return
  }
  if (tag === 'img') {
    const alt = node.properties.alt
    text.add(typeof alt === 'string' && alt ? `[image: ${alt}]` : '[image]')
    return
  }
  if (tag === 'sup' && classes(node).includes('citation')) {
    text.add(`[${collapse(toString(node))}]`)
    return
  }
  if (tag === 'pre') {
    text.flush()
    for (const line of toString(node).replace(/\n$/, '').split('\n')) text.push(line)
    return
  }
  if (tag === 'hr') {
    text.push('———')
    return
  }
  if (tag === 'tr') {
    text.flush()
    const cells = node.children.filter(
      (c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'),
    )
    text.push(cells.map((c) => collapse(toString(c))).join(' | '))
    return
  }
  if (tag === 'ul' || tag === 'ol') {
    text.flush()
    const start = Number(node.properties.start)
    const inner: Lists = [
      ...lists,
      { ordered: tag === 'ol', next: Number.isFinite(start) ? start : 1 },
    ]
    for (const child of node.children) walk(child, text, inner)
    return
  }
  if (tag === 'li') {
    text.flush()
    const list = lists.at(-1)
    const marker = list?.ordered ? `${list.next++}. ` : '• '
    const indent = '  '.repeat(Math.max(0, lists.length - 1))
    walkItem(node.children, text, lists, indent + marker)
    return
  }
  const block = BLOCKS.has(tag)
  if (block) text.flush()
  for (const child of node.children) walk(child, text, lists)
  if (block) text.flush()
}

/** A list item: its first line of text carries the marker; nested blocks follow on their own. */
function walkItem(children: ElementContent[], text: Text, lists: Lists, marker: string) {
  let marked = false
  const end = () => {
    if (!marked && text.pending()) {
      text.flush(marker)
      marked = true
    } else text.flush()
  }
  for (const child of children) {
    if (child.type === 'element' && BLOCKS.has(child.tagName)) {
      // A loose item's paragraph: its text is the item's line.
      if (!marked && child.tagName === 'p') {
        for (const c of child.children) walk(c, text, lists)
        end()
        continue
      }
      end()
      walk(child, text, lists)
    } else walk(child, text, lists)
  }
  end()
}

function classes(node: Element): string[] {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : []
}
