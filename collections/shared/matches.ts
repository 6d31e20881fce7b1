import type { TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

/**
 * A text field validator: Payload's own checks first (a custom `validate` replaces them, and with
 * them `required`), then `test` on any non-empty value, failing with `explain(value)`.
 */
export const matches =
  (
    test: (value: string) => boolean,
    explain: (value: string) => string,
  ): TextFieldSingleValidation =>
  (value, args) => {
    const base = text(value, args)
    if (base !== true) return base
    return !value || test(value) || explain(value)
  }

/** `matches` for a regular expression, explained by a hint such as "a PMID is 1 to 8 digits". */
export const matchesPattern = (pattern: RegExp, hint: string) =>
  matches(
    (value) => pattern.test(value),
    (value) => `"${value}" is not valid: ${hint}.`,
  )
