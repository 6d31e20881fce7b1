import { diffArrays, diffWordsWithSpace } from 'diff'

/** A run of one line's text: `changed` marks the words removed (old line) or added (new line). */
export interface Segment {
  text: string
  changed: boolean
}

/** One row of a line diff, in reading order. Line numbers are 1-based. */
export type DiffRow =
  | { kind: 'same'; oldLine: number; newLine: number; text: string }
  /** A line only the old text has; `words` when it was changed into an added line nearby. */
  | { kind: 'removed'; oldLine: number; text: string; words?: Segment[] }
  | { kind: 'added'; newLine: number; text: string; words?: Segment[] }
  /** Unchanged lines not shown (further than `CONTEXT_LINES` from a change). */
  | { kind: 'skipped'; lines: number }
  /** Changed lines past `DIFF_LIMITS.maxChangedRows`, not shown. */
  | { kind: 'omitted'; lines: number }

/** A line diff of two texts, by line with word-level changes inside changed lines. */
export interface TextDiff {
  changed: boolean
  /** Lines added and removed (all of them, shown or not). */
  added: number
  removed: number
  rows: DiffRow[]
  /**
   * The texts differ too much to be diffed within `DIFF_LIMITS`: every old line is shown removed
   * and every new one added.
   */
  tooDifferent?: true
}

/** Unchanged lines shown around each change. */
export const CONTEXT_LINES = 3

/**
 * What one diff may cost, so that no pair of texts (each within the Markdown limits) can make it
 * run long or answer with megabytes: past `maxEditLines` or `timeoutMs` the texts are shown as
 * replaced; words are compared only in lines of up to `maxWordLine` characters and at most
 * `maxWordPairs` line pairs; at most `maxChangedRows` changed lines are listed.
 */
export const DIFF_LIMITS = {
  maxEditLines: 2_000,
  maxEditWords: 500,
  timeoutMs: 2_000,
  maxWordLine: 5_000,
  maxWordPairs: 500,
  maxChangedRows: 2_000,
} as const

/** The lines of a text: `\r\n` and `\r` end lines too; no text is no lines. */
export function linesOf(text: string | null | undefined): string[] {
  if (text === null || text === undefined || text === '') return []
  return text.replace(/\r\n?/g, '\n').split('\n')
}

type Change = { op: 'same' | 'removed' | 'added'; lines: string[] }

/**
 * The line diff of `before` and `after` (arrays of lines, see `linesOf`), with word-level changes
 * inside a removed line and the added line that replaced it, and unchanged lines far from any
 * change collapsed. Bounded by `DIFF_LIMITS` whatever the input.
 */
export function diffLines(before: readonly string[], after: readonly string[]): TextDiff {
  // The common head and tail cost nothing to find and are most of a typical revision.
  let head = 0
  while (head < before.length && head < after.length && before[head] === after[head]) head++
  let tail = 0
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++
  const oldMiddle = before.slice(head, before.length - tail)
  const newMiddle = after.slice(head, after.length - tail)

  const changes: Change[] = []
  if (head) changes.push({ op: 'same', lines: before.slice(0, head) })
  let tooDifferent = false
  if (oldMiddle.length || newMiddle.length) {
    const middle =
      oldMiddle.length && newMiddle.length
        ? diffArrays(oldMiddle, newMiddle, {
            maxEditLength: DIFF_LIMITS.maxEditLines,
            timeout: DIFF_LIMITS.timeoutMs,
          })
        : undefined
    if (middle) {
      for (const c of middle)
        changes.push({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', lines: c.value })
    } else {
      tooDifferent = oldMiddle.length > 0 && newMiddle.length > 0
      if (oldMiddle.length) changes.push({ op: 'removed', lines: oldMiddle })
      if (newMiddle.length) changes.push({ op: 'added', lines: newMiddle })
    }
  }
  if (tail) changes.push({ op: 'same', lines: before.slice(before.length - tail) })

  const rows = toRows(changes, !tooDifferent)
  const added = changes.reduce((n, c) => n + (c.op === 'added' ? c.lines.length : 0), 0)
  const removed = changes.reduce((n, c) => n + (c.op === 'removed' ? c.lines.length : 0), 0)
  return {
    changed: added + removed > 0,
    added,
    removed,
    rows: collapse(rows),
    ...(tooDifferent ? { tooDifferent: true as const } : {}),
  }
}

/** `diffLines` of two texts. */
export const diffText = (before: string | null | undefined, after: string | null | undefined) =>
  diffLines(linesOf(before), linesOf(after))

function toRows(changes: Change[], compareWords: boolean): DiffRow[] {
  const rows: DiffRow[] = []
  let oldLine = 1
  let newLine = 1
  let pairs = 0
  let listed = 0
  let omitted = 0
  const list = (row: DiffRow) => {
    if (listed < DIFF_LIMITS.maxChangedRows) {
      rows.push(row)
      listed++
    } else omitted++
  }
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]
    if (change.op === 'same') {
      for (const text of change.lines)
        rows.push({ kind: 'same', oldLine: oldLine++, newLine: newLine++, text })
      continue
    }
    // A removal followed by an addition is a replacement: its lines pair up for word changes.
    const next = changes[i + 1]
    const removedLines = change.op === 'removed' ? change.lines : []
    const addedLines = change.op === 'added' ? change.lines : next?.op === 'added' ? next.lines : []
    if (change.op === 'removed' && next?.op === 'added') i++
    const words: (readonly [Segment[], Segment[]] | undefined)[] = []
    for (let k = 0; k < Math.min(removedLines.length, addedLines.length); k++) {
      words.push(
        compareWords && pairs < DIFF_LIMITS.maxWordPairs
          ? wordChanges(removedLines[k], addedLines[k])
          : undefined,
      )
      pairs++
    }
    removedLines.forEach((text, k) => {
      const w = words[k]?.[0]
      list({ kind: 'removed', oldLine: oldLine++, text, ...(w ? { words: w } : {}) })
    })
    addedLines.forEach((text, k) => {
      const w = words[k]?.[1]
      list({ kind: 'added', newLine: newLine++, text, ...(w ? { words: w } : {}) })
    })
  }
  if (omitted) rows.push({ kind: 'omitted', lines: omitted })
  return rows
}

/**
 * The words of `before` and `after` marked as removed and added, or undefined when the lines
 * have too little in common for that to help a reader (under a third of their text).
 */
export function wordChanges(
  before: string,
  after: string,
): readonly [Segment[], Segment[]] | undefined {
  if (before.length > DIFF_LIMITS.maxWordLine || after.length > DIFF_LIMITS.maxWordLine) {
    return undefined
  }
  const changes = diffWordsWithSpace(before, after, {
    maxEditLength: DIFF_LIMITS.maxEditWords,
    timeout: DIFF_LIMITS.timeoutMs,
  })
  if (!changes) return undefined
  const common = changes.reduce((n, c) => n + (c.added || c.removed ? 0 : c.value.trim().length), 0)
  if (common * 3 < Math.max(before.trim().length, after.trim().length)) return undefined
  const old: Segment[] = []
  const now: Segment[] = []
  const push = (to: Segment[], text: string, changed: boolean) => {
    const last = to.at(-1)
    if (last && last.changed === changed) last.text += text
    else to.push({ text, changed })
  }
  for (const c of changes) {
    if (!c.added) push(old, c.value, Boolean(c.removed))
    if (!c.removed) push(now, c.value, Boolean(c.added))
  }
  return [joinChanges(old), joinChanges(now)]
}

/**
 * Changed words separated only by unchanged spaces read as one change ("Talk with" -> "Ask"), and
 * the spaces around a change are not part of it, so what is marked is words.
 */
function joinChanges(segments: Segment[]): Segment[] {
  const joined: Segment[] = []
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    const last = joined.at(-1)
    const next = segments[i + 1]
    if (last?.changed && !segment.changed && next?.changed && segment.text.trim() === '') {
      last.text += segment.text + next.text
      i++
    } else joined.push({ ...segment })
  }
  const out: Segment[] = []
  const add = (text: string, changed: boolean) => {
    if (!text) return
    const last = out.at(-1)
    if (last && last.changed === changed) last.text += text
    else out.push({ text, changed })
  }
  for (const { text, changed } of joined) {
    if (!changed || text.trim() === '') {
      add(text, changed)
      continue
    }
    const [, before, words, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!
    add(before, false)
    add(words, true)
    add(after, false)
  }
  return out
}

/** Unchanged lines further than `CONTEXT_LINES` from every change become one `skipped` row. */
function collapse(rows: DiffRow[]): DiffRow[] {
  const near = new Array<boolean>(rows.length).fill(false)
  rows.forEach((row, i) => {
    if (row.kind === 'same') return
    for (
      let k = Math.max(0, i - CONTEXT_LINES);
      k <= Math.min(rows.length - 1, i + CONTEXT_LINES);
      k++
    )
      near[k] = true
  })
  const out: DiffRow[] = []
  let skipped = 0
  rows.forEach((row, i) => {
    if (row.kind === 'same' && !near[i]) {
      skipped++
      return
    }
    if (skipped) out.push({ kind: 'skipped', lines: skipped })
    skipped = 0
    out.push(row)
  })
  if (skipped) out.push({ kind: 'skipped', lines: skipped })
  return out
}
