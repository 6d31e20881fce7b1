/**
 * What makes a REST request well formed before Payload reads it: the document id in the path,
 * `page`, `limit`, `depth`, `sort`, and every `where` condition, checked against the fields of the
 * collection asked about. A malformed request is answered 400 (or 404 for an id that cannot
 * exist) with the reason, instead of reaching the database and failing there as a 500.
 */

/** What a field holds, as far as query values are concerned. */
export type FieldKind =
  | { kind: 'id' }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'text' }
  | { kind: 'point' }
  | { kind: 'json' }
  | { kind: 'nested'; fields: FieldMap }
  | { kind: 'relation'; to: string | string[] }

export type FieldMap = Record<string, FieldKind>

/** The collections' fields, and how the database spells ids. */
export interface QuerySchema {
  idType: 'number' | 'text'
  collections: Record<string, FieldMap>
}

/** A refusal: the HTTP status and what is wrong, for people and (`param`) programs. */
export interface QueryProblem {
  status: 400 | 404
  param: string
  reason: string
}

export const QUERY_LIMITS = { maxPage: 1_000_000, maxLimit: 10_000, maxDepth: 10 }

const OPERATORS = new Set([
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const ORDER_OPERATORS = new Set([
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

/** Why `value` cannot be an id of this database, or undefined when it can. */
export function idProblem(value: unknown, idType: QuerySchema['idType']): string | undefined {
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string') return 'an id is a single value'
  if (idType === 'number') {
    if (!/^[1-9]\d{0,15}$/.test(text) || !Number.isSafeInteger(Number(text))) {
      return `"${printable(text)}" is not an id (ids are whole numbers from 1)`
    }
    return undefined
  }
  if (!/^[0-9a-f]{24}$/i.test(text)) return `"${printable(text)}" is not an id`
  return undefined
}

function printable(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
  return shown.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

function wholeNumber(
  param: string,
  raw: unknown,
  min: number,
  max: number,
): QueryProblem | undefined {
  if (raw === undefined) return undefined
  if (
    typeof raw !== 'string' ||
    !/^\d{1,16}$/.test(raw) ||
    Number(raw) < min ||
    Number(raw) > max
  ) {
    return {
      status: 400,
      param,
      reason: `\`${param}\` must be a whole number from ${min} to ${max}${typeof raw === 'string' ? `, not "${printable(raw)}"` : ''}.`,
    }
  }
  return undefined
}

/** The kind of the field at a dotted path, following groups and single-collection relations. */
export function resolvePath(
  schema: QuerySchema,
  fields: FieldMap,
  path: string,
): FieldKind | undefined {
  const [head, ...rest] = path.split('.')
  if (!head) return undefined
  const field = head === 'id' && !fields.id ? { kind: 'id' as const } : fields[head]
  if (!field || rest.length === 0) return field
  if (field.kind === 'nested') return resolvePath(schema, field.fields, rest.join('.'))
  if (field.kind === 'relation' && typeof field.to === 'string') {
    const related = schema.collections[field.to]
    return related ? resolvePath(schema, related, rest.join('.')) : undefined
  }
  if (field.kind === 'json') return { kind: 'json' }
  return undefined
}

const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'

function valueProblem(
  schema: QuerySchema,
  field: FieldKind | undefined,
  value: unknown,
): string | undefined {
  if (!isScalar(value)) return 'expected a single value'
  if (value === null || value === 'null' || !field) return undefined
  const text = String(value)
  switch (field.kind) {
    case 'id':
    case 'relation':
      return idProblem(text, schema.idType)
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text))
        ? undefined
        : `"${printable(text)}" is not a number`
    case 'date':
      return Number.isNaN(Date.parse(text)) ? `"${printable(text)}" is not a date` : undefined
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(text) ? undefined : `expected true or false`
    default:
      return undefined
  }
}

function conditionProblem(
  schema: QuerySchema,
  fields: FieldMap,
  path: string,
  condition: unknown,
  at: string,
): QueryProblem | undefined {
  const bad = (reason: string): QueryProblem => ({ status: 400, param: at, reason })
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    return bad(`\`${at}\` must be an operator and a value, e.g. ${at}[equals]=…`)
  }
  const field = resolvePath(schema, fields, path)
  for (const [operator, value] of Object.entries(condition)) {
    const where = `${at}[${operator}]`
    if (!OPERATORS.has(operator)) {
      return bad(`\`${operator}\` is not a query operator (${[...OPERATORS].join(', ')}).`)
    }
    if (operator === 'near' || operator === 'within' || operator === 'intersects') {
      if (field?.kind !== 'point' && field?.kind !== 'json') {
        return bad(
          `\`${where}\`: ${operator} applies to location fields only; "${path}" is not one.`,
        )
      }
      continue
    }
    if (operator === 'exists') {
      if (!['true', 'false', true, false].includes(value as string | boolean)) {
        return bad(`\`${where}\` must be true or false.`)
      }
      continue
    }
    if (LIST_OPERATORS.has(operator)) {
      const list =
        typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined
      if (!list) return bad(`\`${where}\` must be a list of values (a,b,c).`)
      for (const item of list) {
        const problem = valueProblem(schema, field, item)
        if (problem) return bad(`\`${where}\`: ${problem}.`)
      }
      continue
    }
    if (
      ORDER_OPERATORS.has(operator) &&
      field &&
      !['number', 'date', 'id', 'text', 'relation'].includes(field.kind)
    ) {
      return bad(`\`${where}\`: "${path}" cannot be ordered.`)
    }
    const problem = valueProblem(schema, field, value)
    if (problem) return bad(`\`${where}\`: ${problem}.`)
  }
  return undefined
}

/** Problems in a `where` object, depth first; undefined when it is well formed. */
export function whereProblem(
  schema: QuerySchema,
  fields: FieldMap,
  where: unknown,
  at = 'where',
): QueryProblem | undefined {
  if (typeof where !== 'object' || where === null || Array.isArray(where)) {
    return {
      status: 400,
      param: at,
      reason: `\`${at}\` must be conditions, e.g. where[title][like]=…`,
    }
  }
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(value)
        ? value
        : typeof value === 'object' && value !== null
          ? Object.values(value)
          : undefined
      if (!list) {
        return {
          status: 400,
          param: `${at}[${key}]`,
          reason: `\`${at}[${key}]\` must be a list of conditions.`,
        }
      }
      for (const [i, item] of list.entries()) {
        const problem = whereProblem(schema, fields, item, `${at}[${key}][${i}]`)
        if (problem) return problem
      }
      continue
    }
    const problem = conditionProblem(schema, fields, key, value, `${at}[${key}]`)
    if (problem) return problem
  }
  return undefined
}

/** The parsed query string (as `qs` reads it) of a request about `fields`. */
export function queryProblem(
  schema: QuerySchema,
  fields: FieldMap,
  query: Record<string, unknown>,
): QueryProblem | undefined {
  const numbers =
    wholeNumber('page', query.page, 1, QUERY_LIMITS.maxPage) ??
    wholeNumber('limit', query.limit, 0, QUERY_LIMITS.maxLimit) ??
    wholeNumber('depth', query.depth, 0, QUERY_LIMITS.maxDepth)
  if (numbers) return numbers
  if (query.sort !== undefined) {
    const list =
      typeof query.sort === 'string'
        ? query.sort.split(',')
        : Array.isArray(query.sort)
          ? query.sort
          : undefined
    if (!list || list.some((s) => typeof s !== 'string')) {
      return {
        status: 400,
        param: 'sort',
        reason: '`sort` must be field names, e.g. sort=-updatedAt.',
      }
    }
    for (const item of list as string[]) {
      const path = item.trim().replace(/^-/, '')
      if (path && !resolvePath(schema, fields, path)) {
        return {
          status: 400,
          param: 'sort',
          reason: `Cannot sort by "${printable(path)}": there is no such field.`,
        }
      }
    }
  }
  if (typeof query.data === 'string' && query.data.length > 0) {
    try {
      JSON.parse(query.data)
    } catch {
      return { status: 400, param: 'data', reason: '`data` must be a JSON object.' }
    }
  }
  if (query.where !== undefined) {
    let where = query.where
    if (typeof where === 'string') {
      try {
        where = JSON.parse(where)
      } catch {
        return {
          status: 400,
          param: 'where',
          reason: '`where` must be conditions (where[field][operator]=value) or a JSON object.',
        }
      }
    }
    return whereProblem(schema, fields, where)
  }
  return undefined
}
