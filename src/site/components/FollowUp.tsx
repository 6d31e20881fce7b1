import { QUESTION_ENDPOINT, QUESTION_LIMITS, QUESTION_TRAP_FIELD } from '../questions'
import type { SiteInfo } from '../types'

/**
 * The follow-up call to action: a question form for the editors (posted by site.js to
 * `QUESTION_ENDPOINT`; hidden until the script shows it), and the settings' link (e.g. mailto:)
 * for readers without JavaScript.
 */
export function FollowUp({
  followUp,
  article,
}: {
  followUp: NonNullable<SiteInfo['followUp']>
  article: string
}) {
  return (
    <section className="follow-up" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">{followUp.heading}</h2>
      {followUp.text ? <p>{followUp.text}</p> : null}
      <form
        className="question-form"
        action={QUESTION_ENDPOINT}
        method="post"
        data-question-form=""
        hidden
      >
        <input type="hidden" name="article" value={article} />
        <label htmlFor="question-text">Your question</label>
        <textarea
          id="question-text"
          name="question"
          rows={4}
          required
          minLength={QUESTION_LIMITS.questionMin}
          maxLength={QUESTION_LIMITS.questionMax}
          aria-describedby="question-text-help"
        />
        <p id="question-text-help" className="question-help">
          The editorial team reads every question; answers may become articles. Do not include
          personal medical details.
        </p>
        <label htmlFor="question-email">Your email, if you would like a reply (optional)</label>
        <input
          id="question-email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={QUESTION_LIMITS.emailMax}
        />
        <div className="question-trap">
          <label htmlFor="question-trap">Leave this field empty</label>
          <input
            id="question-trap"
            name={QUESTION_TRAP_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
          />
        </div>
        <p>
          <button type="submit" className="button">
            Send question
          </button>
        </p>
        <div id="question-status" className="question-status" role="status" />
      </form>
      <noscript>
        <p>
          <a className="button" href={followUp.url}>
            {followUp.label}
          </a>
        </p>
      </noscript>
    </section>
  )
}
