import type { ContentProblem } from '../markdown/types'

import './ProblemList.scss'

const FIELD_NAMES: Record<string, string> = {
  title: 'Question',
  summary: 'Summary',
  body: 'Body',
  references: 'References',
}

/**
 * Where a problem is, for people: "Line 12" in the body, "Patient version, line 3" in an audience
 * version, the field's name when the problem has no line.
 */
export function problemPlace(problem: ContentProblem, bodyIsImplied = true): string | undefined {
  const field = problem.field ? (FIELD_NAMES[problem.field] ?? problem.field) : undefined
  const inBody = !problem.field || problem.field === 'body'
  if (problem.line === undefined) return inBody ? undefined : field
  if (inBody && bodyIsImplied) return `Line ${problem.line}`
  return `${field ?? 'Body'}, line ${problem.line}`
}

/** "Line 12: Unknown citation key `smith2020`…", as one line of text. */
export function problemText(problem: ContentProblem, bodyIsImplied = true): string {
  const place = problemPlace(problem, bodyIsImplied)
  return place ? `${place}: ${problem.message}` : problem.message
}

/** "2 errors, 1 warning", or "No problems found". */
export function problemSummary(problems: readonly ContentProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.length - errors
  if (!problems.length) return 'No problems found'
  const part = (n: number, word: string) => (n ? [`${n} ${word}${n === 1 ? '' : 's'}`] : [])
  return [...part(errors, 'error'), ...part(warnings, 'warning')].join(', ')
}

/**
 * The one-line verdict over a list of problems ("1 error, 2 warnings: …"), coloured by the worst
 * severity; `ifErrors` says what errors mean here. `pending` shows "Checking…" in the same place,
 * so a live region keeps announcing.
 */
export function ProblemSummary({
  problems,
  ifErrors,
  pending = false,
  live = false,
}: {
  problems: readonly ContentProblem[]
  ifErrors: string
  pending?: boolean
  live?: boolean
}) {
  const errors = problems.filter((p) => p.severity === 'error').length
  const tone = pending ? 'pending' : errors ? 'error' : problems.length ? 'warning' : 'ok'
  return (
    <p
      className={`problem-summary problem-summary--${tone}`}
      aria-live={live ? 'polite' : undefined}
    >
      {pending ? 'Checking…' : problemSummary(problems)}
      {!pending && errors ? `: ${ifErrors}` : ''}
    </p>
  )
}

/**
 * Content problems, errors first, each marked "Error" (blocks submission) or "Warning" in words as
 * well as colour. With `onSelect`, a problem that has a line is a button that shows it.
 */
export function ProblemList({
  problems,
  onSelect,
  bodyIsImplied = true,
}: {
  problems: readonly ContentProblem[]
  onSelect?: (problem: ContentProblem) => void
  /** The list is about the body alone, so "Line 12" needs no field name. */
  bodyIsImplied?: boolean
}) {
  if (!problems.length) return null
  const sorted = [...problems].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  )
  return (
    <ul className="problem-list">
      {sorted.map((problem, index) => {
        const place = problemPlace(problem, bodyIsImplied)
        return (
          <li
            key={`${problem.ruleId}-${problem.line ?? ''}-${problem.column ?? ''}-${index}`}
            className={`problem-list__item problem-list__item--${problem.severity}`}
            data-severity={problem.severity}
          >
            <span className="problem-list__severity">
              {problem.severity === 'error' ? 'Error' : 'Warning'}
            </span>
            <span className="problem-list__text">
              {place && onSelect && problem.line !== undefined ? (
                <button
                  type="button"
                  className="problem-list__place"
                  onClick={() => onSelect(problem)}
                  title="Show this line in the editor"
                >
                  {place}
                </button>
              ) : (
                place && <span className="problem-list__place">{place}</span>
              )}
              {place ? ': ' : ''}
              {problem.message}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
