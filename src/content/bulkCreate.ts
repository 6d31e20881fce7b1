import { randomBytes } from 'node:crypto'

import { type FlattenedField, type PayloadRequest, ValidationError } from 'payload'

import { recordSiteChange } from './siteChanges'

/** The collections an import creates in bulk. */
export type BulkCollection = 'articles' | 'citations' | 'reviews'

/**
 * Every collection hook of the collections created in bulk, and why the bulk path need not run
 * it: it does that work itself, or the hook does nothing for an import's create. A hook added to
 * one of these collections fails the import tests until it is listed here (and, if it matters
 * for an import, done by `createInBulk`).
 */
export const BULK_HOOKS: Record<BulkCollection, Record<string, string>> = {
  articles: {
    'beforeOperation:guardPublication': 'an import is the workflow (IMPORT_CONTEXT)',
    'beforeValidate:deriveSlug': 'the plan gives every slug',
    'beforeChange:keepServerTimestamps': 'createInBulk sets both timestamps',
    'beforeChange:enforceEditRules': 'an import is the workflow (IMPORT_CONTEXT)',
    'afterChange:afterChange': 'the caller records the change (recordSiteChange)',
    'afterDelete:afterDelete': 'an import deletes nothing',
    'beforeDelete:refuseRecordedDelete': 'an import deletes nothing',
  },
  citations: {
    'beforeChange:keepServerTimestamps': 'createInBulk sets both timestamps',
    'beforeChange:trackVerification': 'an imported reference is not verified (the default)',
    'afterChange:afterChange': 'createInBulk records the change (recordSiteChange)',
    'afterDelete:afterDelete': 'an import deletes nothing',
  },
  reviews: {
    'beforeChange:refuseChange': 'refuses updates only; an import appends',
    'beforeDelete:refuseChange': 'an import deletes nothing',
    'afterChange:afterChange': 'the article’s change is recorded once, by the caller',
    'afterDelete:afterDelete': 'an import deletes nothing',
  },
}

/**
 * Creates a document through the database adapter, in the request's transaction, and returns its
 * id and what it stored: the bulk path of an import, for the many references and articles of a large one. Payload's
 * create costs several times as much: it checks that every related document exists (the plan has
 * resolved every name to an id already), reads the document back and runs hooks whose work is
 * done here (`BULK_HOOKS`). What it stores is the same: `prepareFields` fills defaults and runs
 * each field's own hooks and validation, as Payload's create does, and a value a field refuses
 * throws Payload's ValidationError, naming the field.
 */
export async function createInBulk(
  req: PayloadRequest,
  collection: BulkCollection,
  data: Record<string, unknown>,
  at = new Date().toISOString(),
): Promise<{ id: string | number; data: Record<string, unknown> }> {
  const prepared = await prepareFields(req, collection, data)
  const doc = await req.payload.db.create({
    collection,
    data: { ...prepared, createdAt: at, updatedAt: at },
    req,
    select: { id: true },
  })
  if (collection === 'citations') await recordSiteChange(req, 'citation', doc.id)
  return { id: doc.id as string | number, data: prepared }
}

/** Fields whose values are other documents' ids: the plan resolved each one. */
const RELATED = new Set(['relationship', 'upload', 'join', 'ui'])

/**
 * `data` as Payload's create would store it, field by field (through groups and arrays): a
 * missing value gets the field's default, its `beforeValidate` and `beforeChange` hooks run, then
 * its `validate`; an array row gets an id (24 hexadecimal digits, as Payload makes them).
 * Relationship fields are left as given. Throws a ValidationError listing every refusal.
 */
export async function prepareFields(
  req: PayloadRequest,
  collection: BulkCollection,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const errors: { path: string; message: string }[] = []
  const prepared = { ...data }
  const visit = async (
    fields: readonly FlattenedField[],
    sibling: Record<string, unknown>,
    prefix: string,
  ): Promise<void> => {
    for (const field of fields) {
      if (RELATED.has(field.type)) continue
      const path = `${prefix}${field.name}`
      if (sibling[field.name] === undefined && 'defaultValue' in field) {
        const fallback = field.defaultValue
        sibling[field.name] =
          typeof fallback === 'function'
            ? await fallback({ user: req.user, locale: req.locale as undefined, req })
            : fallback
      }
      const args = {
        collection: req.payload.collections[collection].config,
        context: req.context,
        data: prepared,
        field,
        operation: 'create' as const,
        path: path.split('.'),
        req,
        siblingData: sibling,
      }
      const hooks = 'hooks' in field ? field.hooks : undefined
      for (const hook of [...(hooks?.beforeValidate ?? []), ...(hooks?.beforeChange ?? [])]) {
        const value = await hook({ ...args, value: sibling[field.name] } as never)
        if (value !== undefined) sibling[field.name] = value
      }
      if ('validate' in field && field.validate) {
        const result = await field.validate(
          sibling[field.name] as never,
          {
            ...field,
            ...args,
            collectionSlug: collection,
            event: 'submit',
            preferences: { fields: {} },
          } as never,
        )
        if (typeof result === 'string') errors.push({ path, message: result })
      }
      const value = sibling[field.name]
      if (field.type === 'array' && Array.isArray(value)) {
        sibling[field.name] = await Promise.all(
          value.map(async (row: Record<string, unknown>, index) => {
            const copy = { ...row, id: row.id ?? randomBytes(12).toString('hex') }
            await visit(field.flattenedFields, copy, `${path}.${index}.`)
            return copy
          }),
        )
      } else if (field.type === 'group' && value && typeof value === 'object') {
        const copy = { ...(value as Record<string, unknown>) }
        await visit(field.flattenedFields, copy, `${path}.`)
        sibling[field.name] = copy
      }
    }
  }
  await visit(req.payload.collections[collection].config.flattenedFields, prepared, '')
  if (errors.length) throw new ValidationError({ collection, errors, req }, req.t)
  return prepared
}
