import type { Element, Root, RootContent } from 'hast'
import { SITE_PATHS } from '../format'
import { Hast } from '../hast'
import type { SiteInfo } from '../types'
import { Document } from './Layout'

/**
 * The page has its own `<h1>`. A policy that opens with an h1 (its title, "# Editorial policy")
 * loses it; any other h1 moves every heading one level down (h6 stays h6), so the outline neither
 * repeats h1 nor skips a level.
 */
export function fitHeadings(tree: Root): Root {
  const first = tree.children.findIndex((n) => n.type === 'element')
  const opening = tree.children[first]
  const children =
    opening?.type === 'element' && opening.tagName === 'h1'
      ? tree.children.filter((_, i) => i !== first)
      : tree.children
  const hasH1 = (nodes: RootContent[]): boolean =>
    nodes.some((n) => n.type === 'element' && (n.tagName === 'h1' || hasH1(n.children)))
  if (!hasH1(children)) return { ...tree, children }
  const demote = <T extends RootContent>(node: T): T => {
    if (node.type !== 'element') return node
    const element = node as Element
    const level = /^h([1-6])$/.exec(element.tagName)?.[1]
    return {
      ...element,
      tagName: level ? `h${Math.min(Number(level) + 1, 6)}` : element.tagName,
      children: element.children.map(demote),
    } as T
  }
  return { ...tree, children: children.map(demote) }
}

export function PolicyPage({ site, policy }: { site: SiteInfo; policy: Root }) {
  return (
    <Document site={site} title="Editorial policy" path={SITE_PATHS.policy} current="policy">
      <div className="prose page-prose">
        <h1>Editorial policy</h1>
        <Hast tree={fitHeadings(policy)} />
      </div>
    </Document>
  )
}
