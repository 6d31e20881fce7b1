import type { z } from 'zod'

import type { Locate } from './sourceText'

/** One thing wrong with the content on disk: which file, where, and what to do about it. */
export interface ImportProblem {
  file: string
  line?: number
  column?: number
  message: string
}

/** `file:line:column: message`, the form editors and terminals make clickable. */
export function formatProblem(p: ImportProblem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file
  return `${where}: ${p.message}`
}

/** zod issues as problems, each placed at the value it concerns. */
export function zodProblems(
  file: string,
  error: z.ZodError,
  locate: Locate,
  base: (string | number)[] = [],
): ImportProblem[] {
  return error.issues.map((issue) => {
    const at = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]
    const field = at.length ? `"${at.join('.')}"` : 'the file'
    const pos = locate(at) ?? locate(at.slice(0, -1))
    return { file, ...pos, message: `${field}: ${issue.message}` }
  })
}
