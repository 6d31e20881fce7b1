/**
 * At most this many values in one `in` query: far below every database's bound-variable limit
 * (SQLite refuses more than 32 766), so no query grows with the size of the site.
 */
export const IN_CHUNK = 500

/** `values` in chunks of at most `IN_CHUNK`, one query each. */
export function chunks<T>(values: readonly T[]): T[][] {
  const result: T[][] = []
  for (let i = 0; i < values.length; i += IN_CHUNK) result.push(values.slice(i, i + IN_CHUNK))
  return result
}
