import type { Extension } from 'mdast-util-from-markdown'
import type { Citation } from '../data'
import { parseCitationGroup } from './citation-parse'

/** mdast-util-from-markdown extension: turns `citation` tokens into `citation` nodes. */
export function citationFromMarkdown(): Extension {
  return {
    enter: {
      citation(token) {
        const node: Citation = { type: 'citation', source: '', items: [] }
        this.enter(node, token)
      },
    },
    exit: {
      citation(token) {
        const node = this.stack[this.stack.length - 1] as Citation
        node.source = this.sliceSerialize(token)
        // The tokenizer only accepts text that parses, so this cannot be undefined.
        node.items = parseCitationGroup(node.source.slice(1, -1)) ?? []
        this.exit(token)
      },
    },
  }
}
