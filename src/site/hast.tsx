import type { Root } from 'hast'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import type { ReactElement } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'

/**
 * Renders sanitized hast (from `src/markdown`) as React elements. The tree is trusted to be
 * sanitized already: this only converts it, it does not filter it.
 */
export function Hast({ tree }: { tree: Root }): ReactElement {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs })
}

/**
 * Sanitized HTML from the Markdown pipeline, as it was kept (`toSanitizedHtml`), inside an element
 * of the page. Only the pipeline's sanitized output may come here: it is the one place the site
 * puts HTML into a page as HTML.
 */
export function SanitizedHtml({ html, className }: { html: { html: string }; className?: string }) {
  // Sanitized by rehype-sanitize with the pipeline's explicit schema (src/markdown).
  return <div className={className} dangerouslySetInnerHTML={{ __html: html.html }} />
}
