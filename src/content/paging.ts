import type { Where } from 'payload'

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

/**
 * Every document matching `where`, a page at a time in id order, by keyset: each query asks for
 * the ids after the last one seen (no offset that grows with the table, no count). `find` runs
 * one query (sorted by id, at most `limit` documents).
 */
export async function* pagesById<T extends { id: string | number }>(
  where: Where,
  limit: number,
  find: (where: Where) => Promise<{ docs: T[] }>,
): AsyncGenerator<T[]> {
  let after: string | number | undefined
  for (;;) {
    const next: Where = { id: { greater_than: after } }
    const { docs } = await find(
      after === undefined ? where : Object.keys(where).length ? { and: [where, next] } : next,
    )
    if (!docs.length) return
    after = docs[docs.length - 1]!.id
    yield docs
    if (docs.length < limit) return
  }
}

/**
 * The items of `source`, asking for the next one as soon as the current one is handed out: the
 * reading of a page overlaps the work done with the one before (at most one page waits).
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]()
  let next = it.next()
  let finished = false
  try {
    for (;;) {
      const { done, value } = await next
      if (done) {
        finished = true
        return
      }
      next = it.next()
      // A read that fails while the current item is worked on is reported when it is reached,
      // not as an unhandled rejection meanwhile.
      next.catch(() => {})
      yield value
    }
  } finally {
    // The consumer stopped early (or failed): the source is closed once its read in flight ends.
    if (!finished)
      void next.then(
        () => it.return?.(),
        () => {},
      )
  }
}

/** The id of a relationship value, populated (`{ id, … }`) or not, as a string. */
export const refId = (ref: unknown): string =>
  String(typeof ref === 'object' && ref !== null ? (ref as { id: unknown }).id : ref)
