import search from 'approx-string-match'

/**
 * Where a review comment points: a passage of one Markdown field of a revision, described as the
 * W3C Web Annotation model does, by a TextQuoteSelector (the quoted text with a little context
 * either side) and a TextPositionSelector (its offsets, in UTF-16 code units as JavaScript and
 * Monaco count them). The quote is what re-attaches the comment to a later revision; the position
 * only decides between equally good matches.
 */
export interface TextQuote {
  exact: string
  prefix: string
  suffix: string
}

export interface TextPosition {
  /** Offset of the first character of the passage. */
  start: number
  /** Offset just past its last character. */
  end: number
}

export interface Anchor extends TextQuote, TextPosition {
  /** The field the passage is in: `body`, or an audience version's `variants.<n>.body`. */
  field: string
}

/** How many characters of context the quote keeps either side of the passage. */
export const CONTEXT_LENGTH = 32

/** The longest passage a comment can quote. */
export const MAX_QUOTE_LENGTH = 5_000

/** Fields a comment can be anchored in (Payload's paths of the article's Markdown fields). */
export const ANCHOR_FIELD = /^(?:body|variants\.(\d{1,3})\.body)$/

/**
 * Below this length a quote re-attaches only where it is found exactly: a short quote with a
 * tolerance of errors would match almost anywhere.
 */
export const MIN_FUZZY_LENGTH = 12

/** At most this share of a quote may differ (edits of its characters) for it to re-attach. */
export const MAX_ERROR_RATE = 0.25

/** Candidate places scored at most, so a repetitive text costs no more than a varied one. */
export const MAX_CANDIDATES = 500

export type AnchorProblem =
  | { code: 'field_unknown'; message: string }
  | { code: 'range_invalid'; message: string }
  | { code: 'quote_empty'; message: string }
  | { code: 'quote_too_long'; message: string }
  | { code: 'quote_mismatch'; message: string }

/**
 * The anchor of the passage `start..end` of `text` (the field `field` of a revision), or the
 * problem with the selection. When the person's `exact` is given it must be what the revision
 * holds there: otherwise they selected text in a version the server no longer has.
 */
export function anchorAt(
  text: string,
  field: string,
  start: number,
  end: number,
  exact?: string,
): { ok: true; anchor: Anchor } | ({ ok: false } & AnchorProblem) {
  if (!ANCHOR_FIELD.test(field)) {
    return {
      ok: false,
      code: 'field_unknown',
      message: `Comments can be anchored in "body" or "variants.<n>.body", not ${JSON.stringify(field)}`,
    }
  }
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > text.length ||
    start > end
  ) {
    return {
      ok: false,
      code: 'range_invalid',
      message: `The selection ${start}–${end} is not inside ${field}, which has ${text.length} characters`,
    }
  }
  const quoted = text.slice(start, end)
  if (quoted.trim() === '') {
    return { ok: false, code: 'quote_empty', message: 'Select the passage to comment on first' }
  }
  if (quoted.length > MAX_QUOTE_LENGTH) {
    return {
      ok: false,
      code: 'quote_too_long',
      message: `The selection has ${quoted.length} characters: comment on at most ${MAX_QUOTE_LENGTH} at a time`,
    }
  }
  if (exact !== undefined && exact !== quoted) {
    return {
      ok: false,
      code: 'quote_mismatch',
      message: `The selected text is not what the saved version has at ${start}–${end} of ${field}: save or reload the article, then select it again`,
    }
  }
  return {
    ok: true,
    anchor: {
      field,
      exact: quoted,
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
      start,
      end,
    },
  }
}

/**
 * Where an anchor is on a later revision:
 * - `attached`: the quote is where it was;
 * - `moved`: found elsewhere, word for word (`exact: true`) or changed by at most
 *   `MAX_ERROR_RATE` of its characters (`exact: false`); `text` is the passage there now;
 * - `outdated`: the passage is gone. The comment is kept and shown with its quote.
 */
export type Attachment =
  | { status: 'attached' | 'moved'; start: number; end: number; text: string; exact: boolean }
  | { status: 'outdated' }

/**
 * Re-attaches `anchor` to `text`, the same field of a later revision: the quote where it was;
 * else the exact occurrence whose context best matches the stored prefix and suffix, nearest the
 * old position on a tie; else, for quotes of at least `MIN_FUZZY_LENGTH`, the best approximate
 * occurrence (Myers' bit-parallel search, `approx-string-match`) scored by the quote's, the
 * prefix's and the suffix's similarity and the distance moved (see `fuzzyCandidates`); else
 * outdated. At most `MAX_CANDIDATES` places are scored, so the cost stays near a few linear scans
 * of `text` whatever the quote's length.
 */
export function reattach(anchor: Anchor, text: string): Attachment {
  const { exact, start } = anchor
  if (exact === '') return { status: 'outdated' }
  if (text.slice(start, start + exact.length) === exact) {
    return { status: 'attached', start, end: start + exact.length, text: exact, exact: true }
  }

  const found: number[] = []
  for (let at = text.indexOf(exact); at !== -1 && found.length < MAX_CANDIDATES;) {
    found.push(at)
    at = text.indexOf(exact, at + 1)
  }
  if (found.length) {
    const scored = found.map((at) => ({
      at,
      context: contextScore(anchor, text, at, at + exact.length),
    }))
    const best = pickBest(
      scored,
      (c) => c.context,
      start,
      (c) => c.at,
    )
    // A short quote found only elsewhere, without at least one side of its context (or half of
    // each), is a coincidence, not a move.
    if (exact.length >= MIN_FUZZY_LENGTH || best.context >= 1 || !hasContext(anchor)) {
      return {
        status: 'moved',
        start: best.at,
        end: best.at + exact.length,
        text: exact,
        exact: true,
      }
    }
  }

  if (exact.length < MIN_FUZZY_LENGTH) return { status: 'outdated' }
  const candidates = fuzzyCandidates(exact, text, start)
  if (!candidates.length) return { status: 'outdated' }
  const scored = candidates.map((c) => ({
    ...c,
    score:
      // The quote counts most; its context next; closeness to the old place breaks ties.
      3 * c.similarity +
      contextScore(anchor, text, c.start, c.end) +
      0.1 * (1 - Math.min(1, Math.abs(c.start - start) / Math.max(1, text.length))),
  }))
  const best = pickBest(
    scored,
    (c) => c.score,
    start,
    (c) => c.start,
  )
  return {
    status: 'moved',
    start: best.start,
    end: best.end,
    text: text.slice(best.start, best.end),
    exact: false,
  }
}

/** Quotes up to this length are searched whole; longer ones by their first and last piece. */
export const FUZZY_PIECE = 32

interface Candidate {
  start: number
  end: number
  /** 0..1: how alike the quote and the text there are. */
  similarity: number
}

/**
 * Places where `exact` is, with at most `MAX_ERROR_RATE` of it edited. A quote of up to
 * `FUZZY_PIECE` characters is searched whole (`pieceEnds`).
 * A longer one is searched by its first and last `FUZZY_PIECE` characters; each place where
 * they are found, alone or paired at about the quote's length apart, is a candidate, kept when
 * its text shares enough trigrams with the quote for the edit distance to be within the bound
 * (the q-gram lemma). Each search costs one pass over `text`, whatever the quote's length, and at
 * most `MAX_CANDIDATES` places of each piece are kept.
 */
function fuzzyCandidates(exact: string, text: string, origin: number): Candidate[] {
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE)
  if (exact.length <= FUZZY_PIECE) {
    return pieceEnds(text, exact, maxErrors, origin + exact.length).map((m) => {
      const start = startOf(text, exact, m.end, m.errors)
      return { start, end: m.end, similarity: 1 - m.errors / exact.length }
    })
  }
  const pieceErrors = Math.floor(FUZZY_PIECE * MAX_ERROR_RATE)
  const head = exact.slice(0, FUZZY_PIECE)
  const heads = pieceEnds(text, head, pieceErrors, origin + FUZZY_PIECE).map((m) => ({
    start: startOf(text, head, m.end, m.errors),
  }))
  const tails = pieceEnds(text, exact.slice(-FUZZY_PIECE), pieceErrors, origin + exact.length).sort(
    (a, b) => a.end - b.end,
  )
  const ranges = new Map<string, { start: number; end: number }>()
  const add = (start: number, end: number) => {
    if (start >= 0 && end <= text.length && start < end)
      ranges.set(`${start}:${end}`, { start, end })
  }
  for (const { start } of heads) {
    add(start, start + exact.length)
    const tail = closestEnd(tails, start + exact.length)
    if (tail && Math.abs(tail.end - start - exact.length) <= maxErrors) add(start, tail.end)
  }
  for (const tail of tails) add(tail.end - exact.length, tail.end)
  const grams = trigrams(exact)
  const needed = exact.length - 2 - 3 * maxErrors
  return [...ranges.values()].flatMap((range) => {
    const shared = sharedTrigrams(grams, text.slice(range.start, range.end))
    if (shared < needed) return []
    return [{ ...range, similarity: shared / Math.max(1, exact.length - 2) }]
  })
}

/**
 * The ends of the places where `pattern` (at most 32 characters) is in `text` with at most
 * `maxErrors` edits, each the best end of its run, and at most `MAX_CANDIDATES` of them: those
 * with the fewest errors, the nearest `near` among equals. One pass of Myers' bit-vector
 * algorithm (one machine word per text character) in search mode.
 */
export function pieceEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  near: number,
): { end: number; errors: number }[] {
  const m = pattern.length
  if (m === 0 || m > 32) throw new RangeError(`pieceEnds: the pattern must have 1 to 32 characters`)
  const peq = new Map<number, number>()
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i)
    peq.set(code, (peq.get(code) ?? 0) | (1 << i))
  }
  const high = 1 << (m - 1)
  let pv = -1
  let mv = 0
  let score = m
  const found: { end: number; errors: number }[] = []
  for (let j = 0; j < text.length; j++) {
    const eq = peq.get(text.charCodeAt(j)) ?? 0
    const xv = eq | mv
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq
    let ph = mv | ~(xh | pv)
    let mh = pv & xh
    if (ph & high) score++
    else if (mh & high) score--
    ph <<= 1
    mh <<= 1
    pv = mh | ~(xv | ph)
    mv = ph & xv
    if (score <= maxErrors) {
      const last = found[found.length - 1]
      // One end per run of adjacent ends: the one with the fewest errors.
      if (last && last.end === j && score >= last.errors) continue
      if (last && last.end === j) found.pop()
      found.push({ end: j + 1, errors: score })
    }
  }
  if (found.length <= MAX_CANDIDATES) return found
  return found
    .sort((a, b) => a.errors - b.errors || Math.abs(a.end - near) - Math.abs(b.end - near))
    .slice(0, MAX_CANDIDATES)
}

/** Where the place that ends at `end` with `errors` edits of `pattern` starts (the longest one). */
function startOf(text: string, pattern: string, end: number, errors: number): number {
  const from = Math.max(0, end - pattern.length - errors)
  const matches = search(text.slice(from, end), pattern, errors).filter((m) => m.end === end - from)
  return (
    from +
    (matches.length
      ? Math.min(...matches.map((m) => m.start))
      : Math.max(0, end - from - pattern.length))
  )
}

/** The match among `sorted` (by end) whose end is nearest `target`. */
function closestEnd<T extends { end: number }>(sorted: T[], target: number): T | undefined {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle]!.end < target) low = middle + 1
    else high = middle
  }
  const after = sorted[low]
  const before = sorted[low - 1]
  if (!after) return before
  if (!before) return after
  return target - before.end <= after.end - target ? before : after
}

function trigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + 3 <= text.length; i++) {
    const gram = text.slice(i, i + 3)
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

/** How many trigrams of `text` are among `grams` (each counted as often as both have it). */
function sharedTrigrams(grams: Map<string, number>, text: string): number {
  const left = new Map(grams)
  let shared = 0
  for (let i = 0; i + 3 <= text.length; i++) {
    const gram = text.slice(i, i + 3)
    const count = left.get(gram)
    if (count) {
      shared++
      left.set(gram, count - 1)
    }
  }
  return shared
}

/**
 * Where a passage selected in the rendered text is in the Markdown `source`: `quote` is the
 * selection with the rendered text either side (as a TextQuoteSelector on the rendered page).
 * Found like a re-attachment (exact with the best context, else approximately, so markup inside
 * the passage such as `**` costs a few edits); undefined when the source has no such passage.
 */
export function locateInSource(source: string, quote: TextQuote): TextPosition | undefined {
  const exact = quote.exact.trim()
  if (!exact) return undefined
  const found = reattach(
    { field: 'body', exact, prefix: quote.prefix, suffix: quote.suffix, start: 0, end: 0 },
    source,
  )
  return found.status === 'outdated' ? undefined : { start: found.start, end: found.end }
}

const hasContext = (anchor: TextQuote) => anchor.prefix !== '' || anchor.suffix !== ''

/**
 * How well the text around `start..end` matches the anchor's prefix and suffix: 0 (nothing
 * alike) to 2 (both exactly), each side `1 - editDistance / length`.
 */
function contextScore(anchor: TextQuote, text: string, start: number, end: number): number {
  const side = (stored: string, actual: string) =>
    stored === '' ? 0 : 1 - editDistance(stored, actual) / Math.max(stored.length, actual.length)
  return (
    side(anchor.prefix, text.slice(Math.max(0, start - anchor.prefix.length), start)) +
    side(anchor.suffix, text.slice(end, end + anchor.suffix.length))
  )
}

/** The candidate with the highest score, the nearest to `origin` among equals. */
function pickBest<T>(
  candidates: readonly T[],
  score: (c: T) => number,
  origin: number,
  position: (c: T) => number,
): T {
  let best: T = candidates[0]!
  for (const c of candidates.slice(1)) {
    const difference = score(c) - score(best)
    if (
      difference > 1e-9 ||
      (Math.abs(difference) <= 1e-9 &&
        Math.abs(position(c) - origin) < Math.abs(position(best) - origin))
    ) {
      best = c
    }
  }
  return best
}

/** Levenshtein distance of two short strings (the context either side: `CONTEXT_LENGTH`). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    previous = current
  }
  return previous[b.length]!
}
