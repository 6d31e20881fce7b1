/**
 * What a Markdown document may be, so that no document can exhaust the parser: its length, how
 * deeply its quotes and lists nest, and how many square brackets it leaves open at once. The
 * parser recurses per nesting level (a 1 000-level list overflows the stack) and resolves open
 * brackets against each other (15 000 open brackets take a minute), so both are refused before
 * parsing, with the place they go too far. Real articles stay far below each limit: a long one is
 * 20 000 characters, nests lists four deep and opens two brackets at once (an image in a link).
 */
export const MARKDOWN_LIMITS = {
  /** Characters in one document (the main body, or one audience version). */
  maxLength: 200_000,
  /** Quotes and lists, one inside another, on one line (indentation counts a level per 2 spaces). */
  maxNesting: 24,
  /** Square brackets open at once within a paragraph. */
  maxOpenBrackets: 24,
  /**
   * Markup characters (`* _ [ ] | \``) in one paragraph or table: emphasis and links are resolved
   * against each other, so their cost grows with the square of their number in one paragraph.
   */
  maxMarkupPerBlock: 2_000,
} as const

/** The rules a document past a limit breaks; such a document is not parsed at all. */
export const LIMIT_RULES = ['input-too-large', 'nesting-too-deep', 'markup-too-dense'] as const

export interface LimitBreach {
  ruleId: (typeof LIMIT_RULES)[number]
  reason: string
  /** 1-based, where the document first goes over the limit. */
  line: number
  column: number
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t'

/** Why `markdown` is too long to be one body, or undefined: what a save refuses, in any API. */
export function lengthProblem(markdown: string): string | undefined {
  const { maxLength } = MARKDOWN_LIMITS
  if (markdown.length <= maxLength) return undefined
  return `This text is ${markdown.length.toLocaleString('en')} characters long; at most ${maxLength.toLocaleString('en')} are allowed in one body: split it into shorter articles`
}

/**
 * The first place `markdown` goes over a limit of `MARKDOWN_LIMITS`, or undefined. One pass over
 * the text, without parsing it: the nesting of each line is read from its leading quote markers,
 * list markers and indentation (inside fenced code only quote markers count: the rest is code).
 */
export function limitBreach(markdown: string): LimitBreach | undefined {
  const { maxLength, maxNesting, maxOpenBrackets, maxMarkupPerBlock } = MARKDOWN_LIMITS
  const tooLong = lengthProblem(markdown)
  if (tooLong) {
    const before = markdown.slice(0, maxLength)
    return {
      ruleId: 'input-too-large',
      reason: tooLong,
      line: before.split('\n').length,
      column: maxLength - before.lastIndexOf('\n'),
    }
  }
  let fence: string | undefined
  let open = 0
  let markup = 0
  let start = 0
  for (let line = 1; start <= markdown.length; line++) {
    let end = markdown.indexOf('\n', start)
    if (end === -1) end = markdown.length
    let i = start
    let depth = 0
    let indent = 0
    for (let first = true; ; first = false) {
      // Indentation nests lists: all of it at the line's start, past the one space a marker
      // takes after it.
      let width = 0
      while (isSpace(markdown[i])) {
        width += markdown[i] === '\t' ? 4 : 1
        i++
      }
      indent += first ? width : Math.max(0, width - 1)
      const c = markdown[i]
      if (c === '>') {
        depth++
        i++
        continue
      }
      if (
        fence === undefined &&
        (c === '-' || c === '*' || c === '+') &&
        (isSpace(markdown[i + 1]) || i + 1 === end)
      ) {
        depth++
        i++
        continue
      }
      if (fence === undefined && c !== undefined && c >= '0' && c <= '9') {
        let j = i
        while (j < i + 9 && markdown[j]! >= '0' && markdown[j]! <= '9') j++
        if (
          (markdown[j] === '.' || markdown[j] === ')') &&
          (isSpace(markdown[j + 1]) || j + 1 === end)
        ) {
          depth++
          i = j + 1
          continue
        }
      }
      break
    }
    if (fence === undefined) depth += Math.floor(indent / 2)
    if (depth > maxNesting) {
      return {
        ruleId: 'nesting-too-deep',
        reason: `Quotes or lists are nested more than ${maxNesting} levels deep here: at most ${maxNesting} levels are allowed; flatten them`,
        line,
        column: i - start + 1,
      }
    }
    const rest = markdown.slice(i, end)
    const marker = /^(`{3,}|~{3,})/.exec(rest)?.[1]
    if (fence !== undefined) {
      if (
        marker &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        !rest.slice(marker.length).trim()
      )
        fence = undefined
    } else if (marker) {
      fence = marker
    } else if (!rest.trim()) {
      // A blank line ends the paragraph: brackets and emphasis do not reach past it.
      open = 0
      markup = 0
    } else {
      for (let k = i; k < end; k++) {
        const c = markdown[k]
        if (c === '*' || c === '_' || c === '[' || c === ']' || c === '|' || c === '`') {
          if (++markup > maxMarkupPerBlock) {
            return {
              ruleId: 'markup-too-dense',
              reason: `This paragraph or table has more than ${maxMarkupPerBlock.toLocaleString('en')} markup characters (* _ [ ] | \`): split it with blank lines into shorter ones`,
              line,
              column: k - start + 1,
            }
          }
        }
        if (c === '\\') k++
        else if (c === '[') {
          if (++open > maxOpenBrackets) {
            return {
              ruleId: 'nesting-too-deep',
              reason: `More than ${maxOpenBrackets} square brackets are open at once here: close them, or write a literal bracket as \\[`,
              line,
              column: k - start + 1,
            }
          }
        } else if (c === ']' && open > 0) open--
      }
    }
    start = end + 1
  }
  return undefined
}
