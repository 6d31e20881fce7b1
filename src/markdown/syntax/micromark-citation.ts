import type {
  Code,
  Construct,
  Effects,
  Extension,
  State,
  TokenizeContext,
} from 'micromark-util-types'
import { MAX_CITATION_LENGTH, parseCitationGroup } from './citation-parse'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    citation: 'citation'
    citationMarker: 'citationMarker'
    citationData: 'citationData'
  }
}

const LEFT_SQUARE_BRACKET = 91
const RIGHT_SQUARE_BRACKET = 93
const CARET = 94
const LEFT_PARENTHESIS = 40
const CARRIAGE_RETURN = -5
const LINE_FEED = -4
const CARRIAGE_RETURN_LINE_FEED = -3

const citationConstruct: Construct = { name: 'citation', tokenize: tokenizeCitation }

/**
 * micromark syntax extension: a Pandoc citation group `[...@key...]` in text is one `citation`
 * token. It is tried before links and GFM footnote calls, and gives way to them: `[^note]` is left
 * to footnotes and `[text @x](url)` to links. Code spans, escapes (`\[@a]`) and autolinks are
 * tokenized before `[` is reached, so they never contain citations.
 */
export function citationSyntax(): Extension {
  return { text: { [LEFT_SQUARE_BRACKET]: citationConstruct } }
}

function tokenizeCitation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let inner = ''
  let inData = false

  return start

  function start(code: Code): State | undefined {
    effects.enter('citation')
    marker(code)
    return first
  }

  function first(code: Code): State | undefined {
    return code === CARET ? nok(code) : inside(code)
  }

  function inside(code: Code): State | undefined {
    if (code === null || code === LEFT_SQUARE_BRACKET || inner.length > MAX_CITATION_LENGTH) {
      return nok(code)
    }
    if (code === RIGHT_SQUARE_BRACKET) {
      if (!parseCitationGroup(inner)) return nok(code)
      closeData()
      marker(code)
      effects.exit('citation')
      return after
    }
    if (code === CARRIAGE_RETURN || code === LINE_FEED || code === CARRIAGE_RETURN_LINE_FEED) {
      inner += ' '
      closeData()
      effects.enter('lineEnding')
      effects.consume(code)
      effects.exit('lineEnding')
      return inside
    }
    if (!inData) {
      effects.enter('citationData')
      inData = true
    }
    // The other negative codes are tabs and virtual spaces.
    inner += code < 0 ? ' ' : String.fromCharCode(code)
    effects.consume(code)
    return inside
  }

  function marker(code: Code): void {
    effects.enter('citationMarker')
    effects.consume(code)
    effects.exit('citationMarker')
  }

  function closeData(): void {
    if (inData) effects.exit('citationData')
    inData = false
  }

  function after(code: Code): State | undefined {
    return code === LEFT_PARENTHESIS ? nok(code) : ok(code)
  }
}
