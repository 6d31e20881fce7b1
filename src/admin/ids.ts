/**
 * The id in a relationship value as the admin form holds it: an id, a populated document
 * (`{ id }`) or a polymorphic reference (`{ value }`).
 */
export function idOf(value: unknown): string | number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object') {
    const ref = value as { id?: string | number; value?: string | number }
    return ref.value ?? ref.id
  }
  return undefined
}
