import {
  CSL_DATE_VARIABLES,
  CSL_NAME_VARIABLES,
  type CslItem,
  orderCslFields,
  stableStringify,
} from '../references'
import { diffText, type TextDiff } from './lines'

/** One CSL field of a reference that differs: its value before and after, in words. */
export interface FieldChange {
  /** The CSL variable, e.g. `title`, `container-title`, `author`, `issued`, `DOI`. */
  field: string
  before: string | null
  after: string | null
  diff: TextDiff
}

/** A cited reference that was added, removed, or whose data changed (field by field). */
export interface ReferenceChange {
  /** The citation key (`[@key]`). */
  key: string
  change: 'added' | 'removed' | 'changed'
  /** Its title now (before, when removed). */
  title: string
  /** Every field of an added or removed reference; the differing ones of a changed reference. */
  fields: FieldChange[]
}

export interface ReferencesDiff {
  changes: ReferenceChange[]
  /** References cited before and after with the same data. */
  unchanged: number
}

/**
 * How the references cited by two revisions differ, by citation key (CSL `id`), field by CSL
 * field. Both lists are CSL items in src/references' canonical form (what `fromStored` gives), so
 * only a change of data shows, never a difference in how it was stored. Changes come in the order
 * of `after`, then the removed ones in the order of `before`.
 */
export function diffReferences(
  before: readonly CslItem[],
  after: readonly CslItem[],
): ReferencesDiff {
  const old = new Map(before.map((item) => [item.id, item]))
  const now = new Map(after.map((item) => [item.id, item]))
  const changes: ReferenceChange[] = []
  let unchanged = 0
  for (const item of now.values()) {
    const was = old.get(item.id)
    if (!was) {
      changes.push({
        key: item.id,
        change: 'added',
        title: item.title,
        fields: fieldChanges(undefined, item),
      })
      continue
    }
    const fields = fieldChanges(was, item)
    if (fields.length) changes.push({ key: item.id, change: 'changed', title: item.title, fields })
    else unchanged++
  }
  for (const item of old.values()) {
    if (!now.has(item.id)) {
      changes.push({
        key: item.id,
        change: 'removed',
        title: item.title,
        fields: fieldChanges(item, undefined),
      })
    }
  }
  return { changes, unchanged }
}

function fieldChanges(before: CslItem | undefined, after: CslItem | undefined): FieldChange[] {
  const names = Object.keys(orderCslFields({ ...before, ...after })).filter((name) => name !== 'id')
  return names.flatMap((field) => {
    const a = before?.[field]
    const b = after?.[field]
    if (a !== undefined && b !== undefined && stableStringify(a) === stableStringify(b)) return []
    const was = a === undefined ? null : fieldText(field, a)
    const is = b === undefined ? null : fieldText(field, b)
    return [{ field, before: was, after: is, diff: diffText(was, is) }]
  })
}

const NAMES: readonly string[] = CSL_NAME_VARIABLES
const DATES: readonly string[] = CSL_DATE_VARIABLES

/**
 * A CSL field's value as a reviewer reads it: names as "Given Family" separated by semicolons,
 * dates as year-month-day (ranges with an en dash), other values as text or JSON.
 */
export function fieldText(field: string, value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (NAMES.includes(field) && Array.isArray(value)) return value.map(nameText).join('; ')
  if (DATES.includes(field) && isObject(value)) return dateText(value)
  return stableStringify(value)
}

function nameText(name: unknown): string {
  if (!isObject(name)) return stableStringify(name)
  if (typeof name.literal === 'string') return name.literal
  const parts = ['given', 'dropping-particle', 'non-dropping-particle', 'family']
    .map((part) => name[part])
    .filter((part): part is string => typeof part === 'string' && part !== '')
  const suffix = typeof name.suffix === 'string' && name.suffix ? `, ${name.suffix}` : ''
  return parts.join(' ') + suffix || stableStringify(name)
}

function dateText(date: Record<string, unknown>): string {
  const parts = date['date-parts']
  const text = Array.isArray(parts)
    ? parts
        .map((part) => (Array.isArray(part) ? part.map(String).join('-') : String(part)))
        .join('–')
    : typeof date.literal === 'string'
      ? date.literal
      : typeof date.raw === 'string'
        ? date.raw
        : stableStringify(date)
  const extra = Object.keys(date).filter((k) => !['date-parts', 'literal', 'raw'].includes(k))
  return extra.length
    ? `${text} (${extra.map((k) => `${k}: ${fieldText(k, date[k])}`).join(', ')})`
    : text
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
