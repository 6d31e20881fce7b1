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
