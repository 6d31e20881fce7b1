import type { Nodes, Root, Text } from 'mdast'
import type { VFile } from 'vfile'
import type { Citation, CitedReference, ResolvedCitationItem } from './data'
import { quote, report, reportUnused } from './messages'
import { location } from 'vfile-location'
import { fragmentHref } from './util'

// `[`, an optional prefix ending in whitespace, then `@` and a key character, up to `]`: text that
// looks like a citation group. Only unescaped brackets count.
const LOOKS_LIKE_CITATION = /(?<!\\)\[(?:[^[\]@]*\s)?-?@[A-Za-z0-9_][^[\]]*\]/g

/**
 * remark plugin: resolves citation nodes against `file.data.references`. References are numbered
 * in order of first citation; a repeated key reuses its number. Each linked occurrence gets a
 * unique anchor id (`cite-N`, N counting occurrences); the reference entry's id is `ref-KEY`; both
 * take `file.data.idPrefix`. Writes `file.data.citations` (cited references in number order) and
 * `node.data.resolved` (the group's items, duplicates dropped, in ascending number order with
 * unknown keys last, or in written order when an item has a prefix).
 *
 * Reports `citation-key` (unknown key), `citation-unused` (a reference never cited),
 * `citation-in-link` (a citation inside link text: rendered without links, since links cannot
 * nest) and `citation-syntax` (bracketed text that looks like a citation but does not parse).
 */
export default function remarkCitations() {
  return (tree: Root, file: VFile): undefined => {
    const references = file.data.references ?? new Map()
    const prefix = file.data.idPrefix ?? ''
    const source = String(file.value)
    const place = location(file)
    const cited = new Map<string, CitedReference>()
    let anchors = 0

    walk(tree, false)

    if (file.data.reportUnused !== false) {
      for (const key of references.keys()) {
        if (!cited.has(key)) reportUnused(file, key)
      }
    }
    file.data.citations = [...cited.values()]

    function walk(node: Nodes, inLink: boolean): void {
      if (node.type === 'citation') return resolve(node, inLink)
      if (node.type === 'text') return lint(node)
      if ('children' in node) {
        const linkText = inLink || node.type === 'link' || node.type === 'linkReference'
        for (const child of node.children) walk(child, linkText)
      }
    }

    function resolve(node: Citation, inLink: boolean): void {
      if (inLink) {
        report(
          file,
          'citation-in-link',
          `Citation ${quote(node.source)} is inside a link's text: move it out of the link`,
          node,
        )
      }
      const seen = new Set<string>()
      const resolved: ResolvedCitationItem[] = []
      for (const item of node.items) {
        if (seen.has(item.key)) continue
        seen.add(item.key)
        if (!references.has(item.key)) {
          report(file, 'citation-key', unknownKeyReason(item.key, references.keys()), node)
          resolved.push({ ...item })
          continue
        }
        let entry = cited.get(item.key)
        if (!entry) {
          entry = {
            key: item.key,
            number: cited.size + 1,
            anchorId: `${prefix}ref-${item.key}`,
            citedFrom: [],
          }
          cited.set(item.key, entry)
        }
        resolved.push({ ...item, number: entry.number })
      }
      // A prefix (`see`, `e.g.`) belongs where it was written, so such groups are not reordered.
      // Array.prototype.sort is stable: unknown keys keep their written order, last.
      if (!resolved.some((item) => item.prefix !== '')) {
        resolved.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity))
      }
      // Anchor ids follow the displayed order, so they increase through the document.
      for (const item of resolved) {
        const entry = cited.get(item.key)
        if (!entry || inLink) continue
        anchors++
        item.id = `${prefix}cite-${anchors}`
        item.href = fragmentHref(entry.anchorId)
        entry.citedFrom.push(item.id)
      }
      node.data = { ...node.data, resolved }
    }

    function lint(node: Text): void {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      const raw = source.slice(start, end)
      for (const match of raw.matchAll(LOOKS_LIKE_CITATION)) {
        report(
          file,
          'citation-syntax',
          `${quote(match[0])} looks like a citation but is not one: write [@key], [@a; @b] or [@key, p. 12]`,
          place.toPoint(start + match.index),
        )
      }
    }
  }
}

function unknownKeyReason(key: string, known: Iterable<string>): string {
  const lower = key.toLowerCase()
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) {
      return `Unknown citation key \`${key}\`: did you mean \`${candidate}\`? Keys are case-sensitive`
    }
  }
  return `Unknown citation key \`${key}\`: add it to the references or fix the key`
}
