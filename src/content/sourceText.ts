import { isDeepStrictEqual } from 'node:util'

import { isMap, isSeq, LineCounter, parse, parseDocument, stringify } from 'yaml'
import type { Node } from 'yaml'

/** Line and column (1-based) of the value at a path in a parsed file, when it can be found. */
export type Locate = (
  path: readonly (string | number)[],
) => { line: number; column: number } | undefined

export type Parsed =
  | { ok: true; value: unknown; locate: Locate }
  | { ok: false; line?: number; column?: number; message: string }

/**
 * Parses YAML, or JSON (strictly, with no key twice in one object), and returns a locator so
 * validation errors can name the line they are about. JSON is read by JSON.parse; its positions
 * come from the YAML parser (which reads JSON) only when a problem needs one: the YAML parser
 * takes minutes over the 50 MB references.json of a 10 000-article site.
 */
export function parseWithPositions(text: string, format: 'yaml' | 'json', lineOffset = 0): Parsed {
  if (format === 'json') {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      const message = (error as Error).message
      const offset = /position (\d+)/.exec(message)?.[1]
      const pos = offset ? positionOf(text, Number(offset)) : undefined
      return { ok: false, ...pos, message: `Invalid JSON: ${message}` }
    }
    const twice = repeatedKey(text)
    if (twice) {
      return {
        ok: false,
        ...positionOf(text, twice.offset),
        message: `Invalid JSON: the key "${twice.key}" appears twice in one object`,
      }
    }
    let located: Locate | undefined
    const locate: Locate = (path) => {
      if (!located) {
        // Valid JSON is valid YAML; were the parser ever to refuse it, nothing is located.
        const doc = yamlDocument(text, lineOffset)
        located = doc.ok ? doc.locate : () => undefined
      }
      return located(path)
    }
    return { ok: true, value, locate }
  }
  return yamlDocument(text, lineOffset)
}

function yamlDocument(text: string, lineOffset: number): Parsed {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const first = doc.errors[0]
  if (first) {
    const pos = lineCounter.linePos(first.pos[0])
    return {
      ok: false,
      line: pos.line + lineOffset,
      column: pos.col,
      message: `Invalid YAML: ${first.message.split('\n')[0]}`,
    }
  }
  const locate: Locate = (path) => {
    let node: unknown = doc.contents
    for (const key of path) {
      if (isMap(node)) node = node.get(key, true)
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true)
      else return undefined
    }
    const range = (node as Node | undefined)?.range
    if (!range) return undefined
    const pos = lineCounter.linePos(range[0])
    return { line: pos.line + lineOffset, column: pos.col }
  }
  return { ok: true, value: doc.toJS(), locate }
}

/**
 * The first key that appears twice in one object of valid JSON text (JSON.parse keeps the last
 * silently), with its offset: one pass over the text.
 */
export function repeatedKey(text: string): { key: string; offset: number } | undefined {
  const frames: { keys?: Set<string>; expectKey: boolean }[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      let end = i + 1
      while (text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1
      const top = frames[frames.length - 1]
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i, end + 1)
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1)
        if (top.keys.has(key)) return { key, offset: i }
        top.keys.add(key)
        top.expectKey = false
      }
      i = end
    } else if (c === 0x7b) frames.push({ keys: new Set(), expectKey: true })
    else if (c === 0x5b) frames.push({ expectKey: false })
    else if (c === 0x7d || c === 0x5d) frames.pop()
    else if (c === 0x2c) {
      const top = frames[frames.length - 1]
      if (top?.keys) top.expectKey = true
    }
  }
  return undefined
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before[before.length - 1]!.length + 1 }
}

/** A Markdown file's YAML front matter (between `---` lines) and body, with the body's first line. */
export function splitFrontMatter(
  text: string,
): { frontMatter: string; body: string; bodyLine: number } | undefined {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  if (!match) return undefined
  const consumed = match[0]
  return {
    frontMatter: match[1]!,
    body: text.slice(consumed.length),
    bodyLine: consumed.split('\n').length + (consumed.endsWith('\n') ? 0 : 1),
  }
}

/**
 * YAML for `value` that reads back exactly as it was. Block scalars read best, but `yaml` writes
 * a few strings (a line of only spaces, blank lines indented more than the first) in forms that
 * read back differently or not at all: then every string is double-quoted, where nothing is lost.
 */
export function toYaml(value: Record<string, unknown>): string {
  const yaml = stringify(value, { lineWidth: 100, blockQuote: 'literal' })
  if (readsBackAs(yaml, value)) return yaml
  return stringify(value, {
    lineWidth: 0,
    blockQuote: false,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  })
}

/** Whether `yaml` parses to `value` (some block scalars `yaml` writes do not parse at all). */
function readsBackAs(yaml: string, value: unknown): boolean {
  try {
    return isDeepStrictEqual(parse(yaml), value)
  } catch {
    return false
  }
}

/** A Markdown file from its front matter and body: the inverse of `splitFrontMatter`. */
export function joinFrontMatter(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = toYaml(frontMatter)
  // The closing `---` takes the line end before it: YAML ending in a blank line (a last value
  // whose trailing line ends are kept) needs one more, or that value would lose one.
  return `---\n${yaml}${yaml.endsWith('\n\n') ? '\n' : ''}---\n${body}`
}
