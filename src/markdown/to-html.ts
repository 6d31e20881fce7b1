import type { Root } from 'hast'
import { toHtml as hastToHtml } from 'hast-util-to-html'

/** Serializes (already sanitized) hast to HTML, for previews and fixtures. */
export function toHtml(root: Root): string {
  return hastToHtml(root)
}
