'use client'
import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { type ChangeEvent, useId, useRef, useState } from 'react'

import type {
  ImportPreview,
  ImportPreviewEntry,
} from '../../collections/Citations/endpoints/importReferences'
import { formatOfFileName, REFERENCE_FORMAT_LABELS, REFERENCE_FORMATS } from '../references/formats'
import { useHydrated } from './hydrated'
import { refusalOf } from './requests'

import './ReferenceImport.scss'

const FORMATS = [
  { value: '', label: 'Detect automatically' },
  ...REFERENCE_FORMATS.map((value) => ({ value, label: REFERENCE_FORMAT_LABELS[value] })),
]

interface Row extends ImportPreviewEntry {
  chosen: boolean
  editedKey: string
  saveProblem?: string
}

interface SaveProblem {
  index: number
  key: string
  code: string
  message: string
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Above the Citations list: "Import references" opens a panel where an author pastes or uploads
 * BibTeX, RIS, PubMed MEDLINE, CSL-JSON or DOIs/PMIDs, sees each entry as the site will print
 * it (`POST /api/citations/import`), edits keys, leaves out duplicates, and saves the chosen
 * ones at once (`POST /api/citations/import/save`): all of them or none.
 */
export function ReferenceImport() {
  const [open, setOpen] = useState(false)
  const hydrated = useHydrated()
  const panelId = useId()
  return (
    <div className="reference-import">
      {open ? (
        <Panel id={panelId} onClose={() => setOpen(false)} />
      ) : (
        <Button
          buttonStyle="secondary"
          size="small"
          aria-controls={panelId}
          aria-expanded={false}
          disabled={!hydrated}
          onClick={() => setOpen(true)}
        >
          Import references
        </Button>
      )}
    </div>
  )
}

function Panel({ id, onClose }: { id: string; onClose: () => void }) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const router = useRouter()
  const headingId = useId()
  const textId = useId()
  const fileId = useId()
  const formatId = useId()
  const hintId = useId()
  const file = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [format, setFormat] = useState('')
  const [busy, setBusy] = useState<'preview' | 'save'>()
  const [error, setError] = useState<string>()
  const [preview, setPreview] = useState<ImportPreview>()
  const [rows, setRows] = useState<Row[]>([])
  const [saved, setSaved] = useState<string>()

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    if (!chosen) return
    setText(await chosen.text())
    setFormat(formatOfFileName(chosen.name) ?? '')
  }

  const showPreview = async () => {
    setBusy('preview')
    setError(undefined)
    setSaved(undefined)
    try {
      const res = await fetch(`${api}/citations/import`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, ...(format && { format }) }),
      })
      if (!res.ok) {
        setError((await refusalOf(res)).message)
        return
      }
      const result = (await res.json()) as ImportPreview
      setPreview(result)
      setRows(
        result.entries.map((entry) => ({
          ...entry,
          chosen: entry.csl !== undefined && !entry.duplicate,
          editedKey: entry.key,
        })),
      )
    } catch {
      setError('The preview could not be made: check your connection and try again.')
    } finally {
      setBusy(undefined)
    }
  }

  const chosen = rows.filter((row) => row.chosen && row.csl)
  const save = async () => {
    setBusy('save')
    setError(undefined)
    setRows((current) => current.map((row) => ({ ...row, saveProblem: undefined })))
    try {
      const res = await fetch(`${api}/citations/import/save`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          references: chosen.map((row) => ({ key: row.editedKey.trim(), csl: row.csl })),
        }),
      })
      if (!res.ok) {
        const refused = await refusalOf(res.clone())
        const body = (await res.json().catch(() => ({}))) as {
          errors?: Array<{ data?: { problems?: SaveProblem[] } }>
        }
        const problems = body.errors?.[0]?.data?.problems ?? []
        const byEntry = new Map(problems.map((p) => [chosen[p.index]?.entry, p.message]))
        setRows((current) =>
          current.map((row) => ({ ...row, saveProblem: byEntry.get(row.entry) })),
        )
        setError(refused.message)
        return
      }
      const { created } = (await res.json()) as { created: Array<{ key: string }> }
      setSaved(
        `Saved ${plural(created.length, 'reference')}: ${created.map((c) => `[@${c.key}]`).join(', ')}.`,
      )
      setPreview(undefined)
      setRows([])
      setText('')
      if (file.current) file.current.value = ''
      router.refresh()
    } catch {
      setError('Nothing was saved: check your connection and try again.')
    } finally {
      setBusy(undefined)
    }
  }

  const update = (entry: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.entry === entry ? { ...row, ...change } : row)))

  return (
    <section id={id} className="reference-import__panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="reference-import__heading">
        Import references
      </h2>
      <p id={hintId} className="reference-import__muted">
        Paste or upload BibTeX, RIS, PubMed (MEDLINE, .nbib), CSL-JSON, or DOIs and PMIDs one per
        line. You will see each reference as the site prints it before anything is saved.
      </p>
      <label htmlFor={textId} className="reference-import__label">
        References
      </label>
      <textarea
        id={textId}
        className="reference-import__text"
        rows={8}
        spellCheck={false}
        aria-describedby={hintId}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="reference-import__options">
        <div className="reference-import__option">
          <label htmlFor={fileId} className="reference-import__label">
            Or upload a file
          </label>
          <input
            id={fileId}
            ref={file}
            type="file"
            accept=".bib,.bibtex,.ris,.nbib,.txt,.json"
            onChange={(event) => void readFile(event)}
          />
        </div>
        <div className="reference-import__option">
          <label htmlFor={formatId} className="reference-import__label">
            Format
          </label>
          <select
            id={formatId}
            className="reference-import__select"
            value={format}
            onChange={(event) => setFormat(event.target.value)}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="reference-import__buttons">
        <Button
          buttonStyle="primary"
          size="small"
          disabled={!text.trim() || busy !== undefined}
          onClick={() => void showPreview()}
        >
          {busy === 'preview' ? 'Reading…' : 'Preview'}
        </Button>
        <Button buttonStyle="secondary" size="small" onClick={onClose}>
          Close
        </Button>
      </div>

      <div aria-live="polite">
        {saved ? <p className="reference-import__saved">{saved}</p> : null}
        {error ? (
          <p className="reference-import__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>

      {preview ? (
        <div className="reference-import__preview" data-testid="reference-import-preview">
          <p className="reference-import__summary">
            {preview.entries.length === 1 ? '1 entry' : `${preview.entries.length} entries`} read
            {preview.formatLabel ? ` as ${preview.formatLabel}` : ''}, shown in the site&rsquo;s{' '}
            {preview.styleLabel} style.
          </p>
          {preview.problems.length ? (
            <ul className="reference-import__problems">
              {preview.problems.map((p, i) => (
                <li key={i}>
                  Line {p.line}: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          {rows.length ? (
            <table className="reference-import__table">
              <thead>
                <tr>
                  <th scope="col">Import</th>
                  <th scope="col">Key</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <PreviewRow key={row.entry} row={row} update={update} />
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="reference-import__buttons">
            <Button
              buttonStyle="primary"
              size="small"
              disabled={chosen.length === 0 || busy !== undefined}
              onClick={() => void save()}
            >
              {busy === 'save' ? 'Saving…' : `Save ${plural(chosen.length, 'reference')}`}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  )
}

function PreviewRow({
  row,
  update,
}: {
  row: Row
  update: (entry: number, change: Partial<Row>) => void
}) {
  const savable = row.csl !== undefined
  const label = `entry ${row.entry}${row.lookup ? ` (${row.lookup.variable} ${row.lookup.value})` : ''}`
  return (
    <tr className={savable ? undefined : 'reference-import__row--unusable'}>
      <td>
        <input
          type="checkbox"
          checked={row.chosen}
          disabled={!savable}
          aria-label={`Import ${label}`}
          onChange={(event) => update(row.entry, { chosen: event.target.checked })}
        />
      </td>
      <td>
        {savable ? (
          <input
            type="text"
            className="reference-import__key"
            value={row.editedKey}
            aria-label={`Citation key for ${label}`}
            spellCheck={false}
            onChange={(event) => update(row.entry, { editedKey: event.target.value })}
          />
        ) : (
          <span className="reference-import__muted">—</span>
        )}
      </td>
      <td className="reference-import__entry">
        {row.html ? (
          // Sanitized by the server with the site's reference schema (src/markdown).
          <span dangerouslySetInnerHTML={{ __html: row.html }} />
        ) : (
          <span className="reference-import__muted">
            {row.lookup ? `${row.lookup.variable} ${row.lookup.value}` : `Entry ${row.entry}`}
          </span>
        )}
      </td>
      <td className="reference-import__notes">
        {row.problems.map((p, i) => (
          <p key={i} className="reference-import__problem">
            Line {p.line}: {p.message}
          </p>
        ))}
        {row.duplicate ? (
          <p className="reference-import__warning">
            {row.duplicate.existing
              ? `Already stored as [@${row.duplicate.key}] (${row.duplicate.label}): cite that key instead.`
              : `The same work as entry ${row.duplicate.entry} (${row.duplicate.label}).`}
          </p>
        ) : null}
        {row.saveProblem ? <p className="reference-import__problem">{row.saveProblem}</p> : null}
        {savable && !row.problems.length && !row.duplicate && !row.saveProblem ? (
          <p className="reference-import__muted">
            {row.editedKey !== row.key
              ? 'Key edited'
              : row.keySource === 'source'
                ? 'Key from the file'
                : 'Key made from author, year and title'}
          </p>
        ) : null}
      </td>
    </tr>
  )
}
