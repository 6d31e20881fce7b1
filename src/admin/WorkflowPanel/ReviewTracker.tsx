import type { TrackerStep } from '../../workflow/tracker'

const STATUS_WORDS: Record<TrackerStep['status'], string> = {
  done: 'done',
  current: 'in progress',
  upcoming: 'not yet',
}

/** The three review steps (Submitted / Under Review / Approved), as on the public article page. */
export function ReviewTracker({ steps }: { steps: readonly TrackerStep[] }) {
  return (
    <ol className="review-tracker" aria-label="Review progress">
      {steps.map((step, index) => (
        <li
          key={step.key}
          className={`review-tracker__step review-tracker__step--${step.status}`}
          data-status={step.status}
          aria-current={step.status === 'current' ? 'step' : undefined}
        >
          <span className="review-tracker__marker" aria-hidden="true">
            {step.status === 'done' ? '✓' : index + 1}
          </span>
          <span className="review-tracker__label">{step.label}</span>
          {step.note ? <span className="review-tracker__note">{step.note}</span> : null}
          <span className="review-tracker__sr"> ({STATUS_WORDS[step.status]})</span>
        </li>
      ))}
    </ol>
  )
}
