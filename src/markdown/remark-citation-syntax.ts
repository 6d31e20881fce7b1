import type { Processor } from 'unified'
import { citationFromMarkdown } from './syntax/mdast-citation'
import { citationSyntax } from './syntax/micromark-citation'

/** remark plugin: parses Pandoc citation groups (`[@a]`, `[see @a, p. 3; @b]`) into `citation` nodes. */
export default function remarkCitationSyntax(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(citationSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(citationFromMarkdown())
}
