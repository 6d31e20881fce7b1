import { STATE_LABELS, type WorkflowState } from '../workflow/model'

import './StatePill.scss'

/** An article's review state as a small coloured label (the words carry the meaning). */
export function StatePill({ state }: { state: string | null | undefined }) {
  if (!state) return null
  const label = STATE_LABELS[state as WorkflowState] ?? state
  return (
    <span className={`state-pill state-pill--${state}`} data-state={state}>
      {label}
    </span>
  )
}
