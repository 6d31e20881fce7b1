import type { FlattenedField, SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import * as qs from 'qs-esm'

import { withBodyLimit } from './requestLimits'
import {
  type FieldKind,
  type FieldMap,
  idProblem,
  type QueryProblem,
  queryProblem,
  type QuerySchema,
} from './restQuery'

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response> | Response

function kindOf(field: FlattenedField): FieldKind {
  switch (field.type) {
    case 'number':
      return { kind: 'number' }
    case 'date':
      return { kind: 'date' }
    case 'checkbox':
      return { kind: 'boolean' }
    case 'point':
      return { kind: 'point' }
    case 'json':
    case 'richText':
    case 'blocks':
    case 'join':
      return { kind: 'json' }
    case 'relationship':
    case 'upload':
      return { kind: 'relation', to: field.relationTo }
    case 'group':
    case 'tab':
    case 'array':
      return { kind: 'nested', fields: fieldMap(field.flattenedFields) }
    default:
      return { kind: 'text' }
  }
}

function fieldMap(fields: FlattenedField[]): FieldMap {
  return Object.fromEntries(fields.map((f) => [f.name, kindOf(f)]))
}

/** The fields a collection's versions are queried by: the document under `version`. */
function versionFields(slug: string, fields: FieldMap): FieldMap {
  return {
    id: { kind: 'id' },
    parent: { kind: 'relation', to: slug },
    version: { kind: 'nested', fields },
    createdAt: { kind: 'date' },
    updatedAt: { kind: 'date' },
    latest: { kind: 'boolean' },
    autosave: { kind: 'boolean' },
    snapshot: { kind: 'boolean' },
    publishedLocale: { kind: 'text' },
  }
}

function schemaOf(config: SanitizedConfig): QuerySchema {
  const idType =
    (config.db as { defaultIDType?: string }).defaultIDType === 'text' ? 'text' : 'number'
  return {
    idType,
    collections: Object.fromEntries(
      config.collections.map((c) => [c.slug, fieldMap(c.flattenedFields)]),
    ),
  }
}

function refuse(problem: QueryProblem): Response {
  return Response.json(
    {
      errors: [
        { message: problem.reason, data: { code: 'malformed_request', param: problem.param } },
      ],
    },
    { status: problem.status },
  )
}

/** Which endpoint Payload will route `segments` to, and the id it will read from the path. */
function routedId(
  collection: SanitizedCollectionConfig,
  method: string,
  segments: string[],
): string | undefined {
  for (const endpoint of collection.endpoints || []) {
    if (endpoint.method !== method) continue
    const pattern = endpoint.path.split('/').filter(Boolean)
    let id: string | undefined
    let matched = true
    for (let i = 0; i < Math.max(pattern.length, segments.length); i++) {
      const part = pattern[i]
      const segment = segments[i]
      if (part === undefined) {
        matched = false
        break
      }
      if (part.startsWith(':')) {
        if (segment === undefined) {
          matched = part.endsWith('?')
          if (!matched) break
          continue
        }
        if (part.replace(/\?$/, '') === ':id') id = segment
        continue
      }
      if (part !== segment) {
        matched = false
        break
      }
    }
    if (matched) return id
  }
  return undefined
}

/** The request's query: from the address, or from the body of a POST that overrides to GET. */
async function queryOf(request: Request): Promise<Record<string, unknown>> {
  const override =
    request.method === 'POST' &&
    (request.headers.get('x-payload-http-method-override') === 'GET' ||
      request.headers.get('x-http-method-override') === 'GET')
  const search =
    override && request.headers.get('content-type') === 'application/x-www-form-urlencoded'
      ? await request.clone().text()
      : new URL(request.url).search
  return qs.parse(search, {
    allowEmptyArrays: true,
    arrayLimit: 1000,
    depth: 10,
    ignoreQueryPrefix: true,
  })
}

/**
 * A JSON body that is not an object (a list, a number) is not a document or a command: 400,
 * before Payload reads it as one. Bodies that are not JSON at all Payload refuses itself.
 */
function withObjectBody<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (request, ...rest) => {
    if (request.body && request.headers.get('content-type')?.startsWith('application/json')) {
      let body: unknown
      try {
        body = JSON.parse(await request.clone().text())
      } catch {
        return handler(request, ...rest)
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return refuse({
          status: 400,
          param: 'body',
          reason: 'The request body must be a JSON object.',
        })
      }
    }
    return handler(request, ...rest)
  }
}

/**
 * A REST route handler that refuses malformed requests (see restQuery.ts) and bodies over the
 * size limit before Payload reads them, and hands the rest on unchanged.
 */
export function guardRest<A extends unknown[]>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: Handler<A>,
): Handler<A> {
  let schema: QuerySchema | undefined
  const limited = withBodyLimit(withObjectBody(handler))
  return async (request, ...rest) => {
    const resolved = await config
    schema ??= schemaOf(resolved)
    const raw = new URL(request.url).pathname
      .replace(/^\/api\/?/, '')
      .split('/')
      .filter(Boolean)
    const segments: string[] = []
    for (const segment of raw) {
      try {
        segments.push(decodeURIComponent(segment))
      } catch {
        return refuse({
          status: 404,
          param: 'path',
          reason: `"${segment}" is not a valid address (bad percent-encoding).`,
        })
      }
    }
    const collection = resolved.collections.find((c) => c.slug === segments[0])
    if (!collection) return limited(request, ...rest)
    const method =
      request.headers.get('x-http-method-override') === 'GET' ||
      request.headers.get('x-payload-http-method-override') === 'GET'
        ? 'get'
        : request.method.toLowerCase()
    const id = routedId(collection, method, segments.slice(1))
    if (id !== undefined) {
      const problem = idProblem(id, schema.idType)
      if (problem) {
        return refuse({
          status: 404,
          param: 'id',
          reason: `There is no ${collection.slug} document with that id: ${problem}.`,
        })
      }
    }
    const fields =
      segments[1] === 'versions'
        ? versionFields(collection.slug, schema.collections[collection.slug]!)
        : schema.collections[collection.slug]!
    let query: Record<string, unknown>
    try {
      query = await queryOf(request)
    } catch {
      return refuse({ status: 400, param: 'query', reason: 'The query string cannot be read.' })
    }
    const problem = queryProblem(schema, fields, query)
    if (problem) return refuse(problem)
    return limited(request, ...rest)
  }
}
