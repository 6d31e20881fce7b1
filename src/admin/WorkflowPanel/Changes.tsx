'use client'
import { Button, useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useId, useRef, useState } from 'react'

import type {
  ArticleChanges,
  ComparedRevision,
} from '../../../collections/Articles/workflow/changes'
import type { DiffRow, DocumentDiff, ReferenceChange, Segment, TextDiff } from '../../diff'
import { type Audience, audienceLabel } from '../../site/audiences'
import { CHANGES_SINCE, CHANGES_SINCE_LABELS, type ChangesSince } from '../../workflow/changes'
import { formatDateTime } from '../dates'
import { errorMessageOf } from '../requests'

import './Changes.scss'

/**
 * "Changes": how the latest revision differs from the one at the last approval or at the start of
 * the last review round (`GET /api/articles/:id/changes`). The panel shows how much changed; the
 * whole diff opens in a wide dialog: each document (the main body and every audience version) as
 * Markdown by line and word and as the text readers see, then the references field by field.
 * Changes are marked by ins/del, a +/− sign and words, never by colour alone.
 */
export function Changes({ id, revision }: { id: string | number; revision?: string }) {
  const {
    config: {
      routes: { admin, api },
    },
  } = useConfig()
  const [since, setSince] = useState<ChangesSince>('approval')
  const [changes, setChanges] = useState<ArticleChanges>()
  const [error, setError] = useState<string>()
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const latest = useRef(0)

  const load = useCallback(async () => {
    const request = ++latest.current
    setError(undefined)
    try {
      const res = await fetch(`${api}/articles/${id}/changes?since=${since}`, {
        credentials: 'include',
        cache: 'no-store',
      })
      if (!res.ok) throw new Error(await errorMessageOf(res))
      const body = (await res.json()) as ArticleChanges
      if (request === latest.current) setChanges(body)
    } catch (e) {
      if (request === latest.current) setError((e as Error).message)
    }
  }, [api, id, since])

  useEffect(() => {
    void load()
  }, [load, revision])

  const switcher = (name: string) => (
    <fieldset className="review-changes__since">
      <legend>Compare the current revision with</legend>
      {CHANGES_SINCE.map((value) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={since === value}
            onChange={() => setSince(value)}
          />{' '}
          {value === 'approval' ? 'the last approval' : 'the last review round'}
        </label>
      ))}
    </fieldset>
  )

  return (
    <div className="review-changes" data-testid="review-changes">
      {switcher(`since-${id}-panel`)}
      {error ? (
        <p className="review-panel__failure" role="alert">
          The changes could not be loaded: {error}
        </p>
      ) : !changes ? (
        <p className="review-panel__muted" aria-live="polite">
          Comparing revisions…
        </p>
      ) : (
        <>
          <p className="review-changes__summary" aria-live="polite">
            {summaryText(changes)}
          </p>
          {changes.diff ? (
            <Button
              buttonStyle="secondary"
              size="small"
              onClick={() => dialog.current?.showModal()}
            >
              Show the changes
            </Button>
          ) : null}
        </>
      )}
      <a className="review-panel__link" href={`${admin}/collections/articles/${id}/versions`}>
        Every revision of this article
      </a>
      <dialog ref={dialog} className="review-changes__dialog" aria-labelledby={titleId}>
        <div className="review-changes__dialog-head">
          <h2 id={titleId}>Changes {CHANGES_SINCE_LABELS[since].toLowerCase()}</h2>
          <Button buttonStyle="secondary" size="small" onClick={() => dialog.current?.close()}>
            Close
          </Button>
        </div>
        {switcher(`since-${id}-dialog`)}
        {changes ? (
          <FullDiff changes={changes} versions={`${admin}/collections/articles/${id}/versions`} />
        ) : null}
      </dialog>
    </div>
  )
}

function summaryText(changes: ArticleChanges): string {
  if (changes.none || !changes.diff || !changes.before) {
    return changes.none?.reason ?? 'Nothing to compare with.'
  }
  const { diff, before } = changes
  if (!diff.changed) return `No changes ${describe(before)}.`
  const documents = diff.documents.filter((d) => d.change !== 'unchanged').map(documentName)
  const references = diff.references.changes.length
  const what = [
    documents.join(', '),
    references ? `${references} reference${references === 1 ? '' : 's'}` : '',
  ].filter(Boolean)
  return `Changed ${describe(before)}: ${what.join('; ')}.`
}

/** "since the approval by Dr X on 1 Dec 2026, 14:05". */
function describe(revision: ComparedRevision): string {
  const event = revision.event
  if (!event) return ''
  const who = event.actor ? ` by ${event.actor}` : ''
  return `since the ${event.type === 'submit' ? 'submission' : event.type === 'import' ? 'import' : 'approval'}${who} on ${formatDateTime(event.at)}`
}

const documentName = (doc: DocumentDiff) =>
  doc.audience === null
    ? 'the main text'
    : `the ${audienceLabel(doc.audience as Audience).toLowerCase()} version`

function FullDiff({ changes, versions }: { changes: ArticleChanges; versions: string }) {
  const { before, after, diff } = changes
  if (!diff || !before) {
    return <p>{changes.none?.reason ?? 'Nothing to compare with.'}</p>
  }
  return (
    <div className="review-changes__full">
      <dl className="review-changes__revisions">
        <div>
          <dt>Compared with</dt>
          <dd>
            {before.event ? (
              <>
                {before.event.label}
                {before.event.actor ? ` by ${before.event.actor}` : ''},{' '}
                <time dateTime={before.event.at}>{formatDateTime(before.event.at)}</time>
              </>
            ) : null}{' '}
            ({before.stateLabel}) ·{' '}
            <a href={`${versions}/${before.versionId}`}>open this revision</a>
          </dd>
        </div>
        <div>
          <dt>Current revision</dt>
          <dd>
            {after.stateLabel}, saved{' '}
            <time dateTime={after.savedAt}>{formatDateTime(after.savedAt)}</time>
          </dd>
        </div>
      </dl>
      {!before.matched ? (
        <p className="review-panel__banner review-panel__banner--warning">
          No kept revision matches this event’s content hash exactly: the revision saved at that
          time is shown.
        </p>
      ) : null}
      {before.references === 'current' ? (
        <p className="review-panel__banner review-panel__banner--warning">
          This event recorded no copy of the references and they have changed since: they are
          compared as they are now, so an edit of a reference in between does not show.
        </p>
      ) : null}
      {!diff.changed ? <p>No changes.</p> : null}
      {diff.documents.map((doc) => (
        <DocumentSection key={doc.audience ?? 'main'} doc={doc} />
      ))}
      <References changes={diff.references.changes} unchanged={diff.references.unchanged} />
    </div>
  )
}

function DocumentSection({ doc }: { doc: DocumentDiff }) {
  const name =
    doc.audience === null
      ? 'Main text (healthcare professionals)'
      : `Audience version: ${audienceLabel(doc.audience as Audience)}`
  const change = { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'unchanged' }[
    doc.change
  ]
  return (
    <section className="review-changes__document" data-audience={doc.audience ?? 'main'}>
      <h3>
        {name}{' '}
        <span className={`review-changes__tag review-changes__tag--${doc.change}`}>{change}</span>
      </h3>
      {doc.change === 'unchanged' ? null : (
        <>
          {doc.title.changed ? <Lines label="Question" diff={doc.title} /> : null}
          {doc.summary.changed ? <Lines label="Summary" diff={doc.summary} /> : null}
          {doc.source.changed ? (
            <Lines label="Markdown source" diff={doc.source} numbered code />
          ) : (
            <p className="review-panel__muted">The Markdown source is unchanged.</p>
          )}
          {'unavailable' in doc.rendered ? (
            <p className="review-panel__banner review-panel__banner--warning">
              {doc.rendered.unavailable}
            </p>
          ) : doc.rendered.changed ? (
            <Lines label="What readers see" diff={doc.rendered} />
          ) : null}
        </>
      )}
    </section>
  )
}

function Lines({
  label,
  diff,
  numbered,
  code,
}: {
  label: string
  diff: TextDiff
  numbered?: boolean
  /** Markdown: in a monospace font, as in the editor. */
  code?: boolean
}) {
  return (
    <figure className={`review-changes__lines${code ? ' review-changes__lines--code' : ''}`}>
      <figcaption>
        {label}{' '}
        <span className="review-panel__muted">
          ({diff.added} line{diff.added === 1 ? '' : 's'} added, {diff.removed} removed)
        </span>
      </figcaption>
      {diff.tooDifferent ? (
        <p className="review-panel__muted">
          The texts differ too much to be compared line by line.
        </p>
      ) : null}
      <table>
        <thead className="review-changes__hidden">
          <tr>
            {numbered ? (
              <>
                <th scope="col">Line before</th>
                <th scope="col">Line now</th>
              </>
            ) : null}
            <th scope="col">Change</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row, i) => (
            <Row key={i} row={row} numbered={numbered} />
          ))}
        </tbody>
      </table>
    </figure>
  )
}

function Row({ row, numbered }: { row: DiffRow; numbered?: boolean }) {
  if (row.kind === 'skipped' || row.kind === 'omitted') {
    return (
      <tr className="review-changes__gap">
        <td colSpan={numbered ? 4 : 2}>
          {row.kind === 'skipped'
            ? `… ${row.lines} unchanged line${row.lines === 1 ? '' : 's'} …`
            : `… ${row.lines} more changed lines not shown …`}
        </td>
      </tr>
    )
  }
  const numbers = numbered ? (
    <>
      <td className="review-changes__number">{row.kind === 'added' ? '' : row.oldLine}</td>
      <td className="review-changes__number">{row.kind === 'removed' ? '' : row.newLine}</td>
    </>
  ) : null
  if (row.kind === 'same') {
    return (
      <tr className="review-changes__row">
        {numbers}
        <td className="review-changes__sign">
          <span className="review-changes__hidden">unchanged</span>
        </td>
        <td className="review-changes__text">{row.text}</td>
      </tr>
    )
  }
  const Mark = row.kind === 'added' ? 'ins' : 'del'
  return (
    <tr className={`review-changes__row review-changes__row--${row.kind}`}>
      {numbers}
      <td className="review-changes__sign">
        <span aria-hidden="true">{row.kind === 'added' ? '+' : '−'}</span>
        <span className="review-changes__hidden">{row.kind}</span>
      </td>
      <td className="review-changes__text">
        {row.words ? (
          <Words words={row.words} Mark={Mark} />
        ) : (
          <Mark className="review-changes__whole">{row.text || ' '}</Mark>
        )}
      </td>
    </tr>
  )
}

function Words({ words, Mark }: { words: Segment[]; Mark: 'ins' | 'del' }) {
  return (
    <>
      {words.map((w, i) =>
        w.changed ? <Mark key={i}>{w.text}</Mark> : <span key={i}>{w.text}</span>,
      )}
    </>
  )
}

function References({ changes, unchanged }: { changes: ReferenceChange[]; unchanged: number }) {
  return (
    <section className="review-changes__document" data-testid="review-changes-references">
      <h3>References</h3>
      {changes.length ? null : <p className="review-panel__muted">No reference changed.</p>}
      {changes.map((ref) => (
        <article key={ref.key} className="review-changes__reference">
          <h4>
            <code>[@{ref.key}]</code> {ref.title}{' '}
            <span className={`review-changes__tag review-changes__tag--${ref.change}`}>
              {ref.change === 'added'
                ? 'cited now'
                : ref.change === 'removed'
                  ? 'no longer cited'
                  : 'edited'}
            </span>
          </h4>
          <table>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {ref.fields.map((field) => {
                const removed = field.diff.rows.find((r) => r.kind === 'removed')
                const added = field.diff.rows.find((r) => r.kind === 'added')
                return (
                  <tr key={field.field}>
                    <th scope="row">
                      <code>{field.field}</code>
                    </th>
                    <td>
                      {field.before === null ? (
                        <span className="review-panel__muted">(none)</span>
                      ) : removed && 'words' in removed && removed.words ? (
                        <Words words={removed.words} Mark="del" />
                      ) : (
                        <del>{field.before}</del>
                      )}
                    </td>
                    <td>
                      {field.after === null ? (
                        <span className="review-panel__muted">(none)</span>
                      ) : added && 'words' in added && added.words ? (
                        <Words words={added.words} Mark="ins" />
                      ) : (
                        <ins>{field.after}</ins>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </article>
      ))}
      {unchanged ? (
        <p className="review-panel__muted">
          {unchanged} other cited reference{unchanged === 1 ? '' : 's'} unchanged.
        </p>
      ) : null}
    </section>
  )
}
