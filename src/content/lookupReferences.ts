import {
  LOOKUP_TIMEOUT_MS,
  lookupRequest,
  readLookupResponse,
  type ReadEntry,
  unreachable,
} from '../references'

/** At most this many look-ups run at once (doi.org and NCBI limit callers). */
const CONCURRENCY = 4

let lookupFetch: typeof fetch = (input, init) => fetch(input, init)

/**
 * Replaces the `fetch` look-ups use, returning a function that restores the previous one. For
 * tests, which answer from recorded responses: this machine has no network.
 */
export function setLookupFetch(replacement: typeof fetch): () => void {
  const previous = lookupFetch
  lookupFetch = replacement
  return () => {
    lookupFetch = previous
  }
}

/**
 * Fills in each entry that is a DOI or PMID to look up: its CSL fields from doi.org or PubMed
 * (see src/references/lookup), or a problem saying plainly why not (unreachable within
 * LOOKUP_TIMEOUT_MS, unknown, refused). An entry is filled in completely or not at all.
 */
export async function lookUpEntries(
  entries: ReadEntry[],
  { timeoutMs = LOOKUP_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<void> {
  const pending = entries.filter((entry) => entry.lookup && !entry.csl)
  let next = 0
  const worker = async () => {
    while (next < pending.length) {
      const entry = pending[next++] as ReadEntry
      await lookUp(entry, timeoutMs)
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pending.length) }, worker))
}

async function lookUp(entry: ReadEntry, timeoutMs: number): Promise<void> {
  const id = entry.lookup!
  const request = lookupRequest(id)
  const fail = (message: string) =>
    entry.problems.push({ entry: entry.entry, line: entry.line, message, ruleId: 'lookup' })
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  // The race ends the wait even if a fetch ignores its signal.
  const gaveUp = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('timed out')))
  })
  const work = (async () => {
    const response = await lookupFetch(request.url, {
      headers: request.headers,
      redirect: 'follow',
      signal: controller.signal,
    })
    return { status: response.status, body: await response.text() }
  })()
  // Whichever loses the race may still fail later: that is not an unhandled rejection.
  work.catch(() => {})
  gaveUp.catch(() => {})
  try {
    const answer = await Promise.race([work, gaveUp])
    const result = readLookupResponse(id, answer.status, answer.body)
    if (result.ok) entry.csl = result.csl
    else fail(result.message)
  } catch {
    fail(unreachable(id, timedOut))
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}
