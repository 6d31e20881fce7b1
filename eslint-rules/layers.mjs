import path from 'node:path'

/**
 * The project's layers, as the README's "How it works" describes them. The core modules are pure:
 * each may import only the core modules listed for it (never a glue folder, never Payload or
 * Next), so no two of them can import each other in a cycle. Glue folders may import the core and
 * each other, except what `GLUE_FORBIDS` lists.
 */
export const CORE = {
  'src/workflow': [],
  'src/references': [],
  'src/markdown': ['src/references', 'src/workflow'],
  'src/site': ['src/markdown', 'src/references', 'src/workflow'],
  'src/diff': ['src/markdown', 'src/references'],
  'src/comments': ['src/workflow'],
}

/** Glue that must not reach into other glue (the admin never bundles the publisher). */
export const GLUE_FORBIDS = {
  'src/admin': ['src/publish', 'jobs', 'scripts'],
}

/** Packages that are frameworks, not libraries: the core never imports them. */
const FRAMEWORK = /^(?:payload|next|@payloadcms\/[^/]+|@payload-config)(?:\/|$)/

/** The module (`src/markdown`) or top-level folder/file (`collections`, `payload-types`) of a path. */
function unitOf(relative) {
  const parts = relative.split(path.sep).map((part) => part.replace(/\.(?:[cm]?[jt]sx?)$/, ''))
  return parts[0] === 'src' && parts.length >= 2 ? `src/${parts[1]}` : parts[0]
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the core modules pure and the layers one-way' },
    schema: [],
    messages: {
      framework:
        '{{unit}} is a core module: it must not import {{specifier}} (Payload and Next belong in the glue).',
      layer:
        '{{unit}} is a core module: it may import only {{allowed}}, not {{target}} ({{specifier}}). Move the rule into the core, or call the core from the glue.',
      glue: '{{unit}} must not import {{target}} ({{specifier}}).',
    },
  },
  create(context) {
    const root = context.cwd
    const file = path.relative(root, context.filename)
    if (file.startsWith('..')) return {}
    const unit = unitOf(file)
    const core = CORE[unit]
    const forbids = GLUE_FORBIDS[unit]
    if (!core && !forbids) return {}

    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return
      if (!specifier.startsWith('.')) {
        if (core && FRAMEWORK.test(specifier)) {
          context.report({ node, messageId: 'framework', data: { unit, specifier } })
        }
        return
      }
      const target = unitOf(
        path.relative(root, path.resolve(path.dirname(context.filename), specifier)),
      )
      if (target === unit) return
      if (core && !core.includes(target)) {
        const allowed = core.length ? core.join(', ') : 'nothing outside itself'
        context.report({ node, messageId: 'layer', data: { unit, allowed, target, specifier } })
      } else if (forbids?.includes(target)) {
        context.report({ node, messageId: 'glue', data: { unit, target, specifier } })
      }
    }
    const fromSource = (node) => node.source && check(node.source, node.source.value)
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    }
  },
}

export default { rules: { layers: rule } }
