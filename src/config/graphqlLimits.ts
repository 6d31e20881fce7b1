import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql'

/** What one GraphQL operation may ask for. */
export interface GraphQLLimits {
  /** Nesting of selection sets, fragments followed. */
  maxDepth: number
  /** Fields asked for under another name, in the whole document. */
  maxAliases: number
  /**
   * Estimated documents read and fields returned: a field costs 1 plus what it selects, and what a
   * list field with `limit` selects counts once per document it may return.
   */
  maxCost: number
}

export const GRAPHQL_LIMITS: GraphQLLimits = { maxDepth: 10, maxAliases: 20, maxCost: 5_000 }

/** Payload's page size when a query gives no `limit`. */
const DEFAULT_PAGE = 10
/** A `limit: 0` or `pagination: false` asks for everything: priced as this many documents. */
const UNBOUNDED = 10_000

function valueOf(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined
  if (node.kind === Kind.VARIABLE) return variables[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.BOOLEAN) return node.value
  return undefined
}

/** How many documents a field may return per selection of its children. */
function multiplier(field: FieldNode, variables: Record<string, unknown>): number {
  const arg = (name: string) =>
    valueOf(field.arguments?.find((a) => a.name.value === name)?.value, variables)
  if (arg('pagination') === false) return UNBOUNDED
  const limit = arg('limit')
  if (limit === undefined) {
    return field.arguments?.some((a) => a.name.value === 'where' || a.name.value === 'page')
      ? DEFAULT_PAGE
      : 1
  }
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) return UNBOUNDED
  return limit
}

interface Measure {
  depth: number
  aliases: number
  cost: number
}

function measure(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): Measure {
  const total: Measure = { depth: 0, aliases: 0, cost: 0 }
  for (const selection of set?.selections ?? []) {
    let inner: Measure
    if (selection.kind === Kind.FIELD) {
      const children = measure(selection.selectionSet, fragments, variables, seen)
      const perDoc = selection.selectionSet ? children.cost * multiplier(selection, variables) : 0
      inner = {
        depth: selection.selectionSet ? children.depth + 1 : 0,
        aliases: children.aliases + (selection.alias ? 1 : 0),
        cost: 1 + perDoc,
      }
    } else {
      const fragmentSet =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : seen.has(selection.name.value)
            ? undefined
            : fragments.get(selection.name.value)?.selectionSet
      const next =
        selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen
      inner = measure(fragmentSet, fragments, variables, next)
    }
    total.depth = Math.max(total.depth, inner.depth)
    total.aliases += inner.aliases
    total.cost = Math.min(Number.MAX_SAFE_INTEGER, total.cost + inner.cost)
  }
  return total
}

/**
 * A validation rule that refuses, before anything is read, an operation deeper, with more aliases
 * or costlier than `limits`. Each refusal says which limit and by how much.
 */
export function graphqlLimitsRule(
  variables: Record<string, unknown> = {},
  limits: GraphQLLimits = GRAPHQL_LIMITS,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition)
    }
    return {
      Field(field) {
        // Payload passes these to the database as they are: a negative page is a negative
        // OFFSET, which PostgreSQL refuses as a server fault.
        for (const [name, min] of [
          ['page', 1],
          ['limit', 0],
        ] as const) {
          const node = field.arguments?.find((a) => a.name.value === name)?.value
          const value = valueOf(node, variables)
          if (value === undefined || value === null) continue
          if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
            context.reportError(
              new GraphQLError(
                `Argument "${name}" must be a whole number from ${min}, not ${JSON.stringify(value)}.`,
                { nodes: node ? [node] : [field], extensions: { code: 'BAD_USER_INPUT' } },
              ),
            )
          }
        }
      },
      OperationDefinition(operation) {
        const m = measure(operation.selectionSet, fragments, variables, new Set())
        const over = [
          m.depth > limits.maxDepth && `depth ${m.depth} is over the limit of ${limits.maxDepth}`,
          m.aliases > limits.maxAliases &&
            `${m.aliases} aliases are over the limit of ${limits.maxAliases}`,
          m.cost > limits.maxCost &&
            `an estimated cost of ${m.cost} is over the limit of ${limits.maxCost} (ask for fewer documents per list, or fewer lists)`,
        ].filter((x): x is string => Boolean(x))
        for (const reason of over) {
          context.reportError(
            new GraphQLError(`Query refused: ${reason}.`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
          )
        }
      },
    }
  }
}
