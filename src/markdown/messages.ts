import type { Node, Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { ContentProblem } from './types'

/**
 * Every rule this module reports, with its severity. Errors make a page wrong and block submit and
 * publish (`message.fatal === true`); warnings are shown to the author (`fatal === false`).
 */
export const RULES = {
  'citation-key': 'error',
  'citation-none': 'error',
  'link-anchor': 'error',
  'title-missing': 'error',
  'body-missing': 'error',
  'reference-invalid': 'error',
  'reference-format': 'error',
  'input-too-large': 'error',
  'nesting-too-deep': 'error',
  'markup-too-dense': 'error',
  'citation-unused': 'warning',
  'citation-syntax': 'warning',
  'citation-in-link': 'warning',
  'reference-duplicate': 'warning',
  'link-empty': 'warning',
  'image-alt': 'warning',
  'html-dropped': 'warning',
  'url-unsafe': 'warning',
  'footnote-unsupported': 'warning',
} as const

export type RuleId = keyof typeof RULES

/** The `source` of every message this module reports. */
export const MESSAGE_SOURCE = 'markdown'

/**
 * Adds a positioned message to `file` with the rule's severity. `place` is a node (its position is
 * used), a position or a point; omit it for problems that have no place in the Markdown.
 */
export function report(
  file: VFile,
  ruleId: RuleId,
  reason: string,
  place?: Node | Position | Point | null,
): VFileMessage {
  const message = file.message(reason, { place: toPlace(place), ruleId, source: MESSAGE_SOURCE })
  message.fatal = RULES[ruleId] === 'error'
  return message
}

function toPlace(place: Node | Position | Point | null | undefined): Position | Point | undefined {
  if (!place) return undefined
  if ('type' in place) return place.position
  return place
}

/** Why reference `key` is reported as `citation-unused`. */
export const unusedReferenceReason = (key: string): string =>
  `Reference \`${key}\` is never cited: cite it with [@${key}] or remove it from the references`

/** Reports that reference `key` is never cited (`citation-unused`). */
export function reportUnused(file: VFile, key: string): VFileMessage {
  return report(file, 'citation-unused', unusedReferenceReason(key))
}

/** Orders messages by line and column; messages without a place keep their order, last. */
export function sortMessages(messages: VFileMessage[]): VFileMessage[] {
  return messages
    .map((message, index) => ({ message, index }))
    .sort(
      (a, b) =>
        (a.message.line ?? Infinity) - (b.message.line ?? Infinity) ||
        (a.message.column ?? Infinity) - (b.message.column ?? Infinity) ||
        a.index - b.index,
    )
    .map(({ message }) => message)
}

/**
 * Plain, JSON-serializable problems for the admin UI and the APIs. A message is an error when it is
 * fatal, otherwise a warning. `field`, when given, is set on every problem.
 */
export function toProblems(messages: readonly VFileMessage[], field?: string): ContentProblem[] {
  return messages.map((message) => {
    const problem: ContentProblem = {
      ruleId: message.ruleId ?? 'unknown',
      severity: message.fatal === true ? 'error' : 'warning',
      message: message.reason,
    }
    if (message.line !== undefined) problem.line = message.line
    if (message.column !== undefined) problem.column = message.column
    if (field !== undefined) problem.field = field
    return problem
  })
}

/** Shortens user text quoted in a message so one message stays one readable line. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
  return '`' + short.replace(/`/g, "'") + '`'
}
