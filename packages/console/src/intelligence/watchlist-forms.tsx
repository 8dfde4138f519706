import { useState, type FormEvent } from 'react'
import { asFailure } from '../api/use-api'
import {
  addEntry,
  entrySeverities,
  importFile,
  indicatorKinds,
  tlpLevels,
  type ImportReport,
  type IndicatorKind,
  type RescreenStarted,
  type TlpLevel,
  type Watchlist,
} from './intelligence-api'
import { FormError } from '../ui/form-error'

/** What the server re-screens after a change, in a sentence. */
export function describeRescreen(rescreen: RescreenStarted): string {
  if (rescreen.status === 'not-needed') return 'No stored application holds it: nothing to re-screen.'
  const which =
    rescreen.scope === 'all'
      ? `Every application is being re-screened (${rescreen.reason ?? 'the change cannot be narrowed down'})`
      : `${rescreen.applications ?? 0} application${rescreen.applications === 1 ? ' is' : 's are'} being re-screened`
  return `${which}; changed outcomes appear in the review queue.`
}

/** Admins: one indicator, written as they have it (the server normalises it). */
export function AddEntryForm(props: {
  readonly watchlist: Watchlist
  readonly onAdded: (rescreen: RescreenStarted) => void
}) {
  const [kind, setKind] = useState<IndicatorKind>('email')
  const [value, setValue] = useState('')
  const [severity, setSeverity] = useState('')
  const [tlp, setTlp] = useState<TlpLevel>('amber')
  const [note, setNote] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const text = note.trim()
    addEntry(props.watchlist.id, {
      kind,
      value: value.trim(),
      tlp,
      ...(severity === '' ? {} : { severity }),
      ...(text === '' ? {} : { note: text }),
    }).then(
      (added) => {
        setValue('')
        setNote('')
        setMessage(null)
        props.onAdded(added.rescreen)
      },
      (error: unknown) => setMessage(asFailure(error).message),
    )
  }
  return (
    <form className="stacked-form" onSubmit={submit} aria-label="Add an entry">
      <h4>Add an entry</h4>
      <label htmlFor="entry-kind">Kind</label>
      <select
        id="entry-kind"
        value={kind}
        onChange={(event) => setKind(indicatorKinds.find((item) => item === event.target.value) ?? 'email')}
      >
        {indicatorKinds.map((item) => (
          <option key={item} value={item}>
            {item}
          </option>
        ))}
      </select>
      <label htmlFor="entry-value">Value</label>
      <input
        id="entry-value"
        required
        placeholder="+1 415 555 0100, j.doe@gmail.com, front-co.com…"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <label htmlFor="entry-severity">Severity</label>
      <select id="entry-severity" value={severity} onChange={(event) => setSeverity(event.target.value)}>
        <option value="">high (default)</option>
        {entrySeverities.map((item) => (
          <option key={item} value={item}>
            {item}
          </option>
        ))}
      </select>
      <label htmlFor="entry-tlp">TLP</label>
      <select
        id="entry-tlp"
        value={tlp}
        onChange={(event) => setTlp(tlpLevels.find((item) => item === event.target.value) ?? 'amber')}
      >
        {tlpLevels.map((item) => (
          <option key={item} value={item}>
            TLP:{item.toUpperCase()}
          </option>
        ))}
      </select>
      <label htmlFor="entry-note">Note (optional)</label>
      <input id="entry-note" value={note} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" className="primary">
        Add entry
      </button>
      <FormError message={message} />
    </form>
  )
}

/** Admins: a watchlist CSV, a STIX 2.1 bundle or a MISP event; shows what was stored and what was not, and why. */
export function ImportFileForm(props: {
  readonly watchlist: Watchlist
  readonly onImported: (rescreen: RescreenStarted) => void
}) {
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [isSending, setIsSending] = useState(false)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (file === null) return setMessage('Choose a file first.')
    setIsSending(true)
    file
      .text()
      .then((text) => importFile(props.watchlist.id, { name: file.name, text }))
      .then(
        (done) => {
          setReport(done)
          setMessage(null)
          setIsSending(false)
          props.onImported(done.rescreen)
        },
        (error: unknown) => {
          setReport(null)
          setMessage(asFailure(error).message)
          setIsSending(false)
        },
      )
  }
  return (
    <form className="stacked-form" onSubmit={submit} aria-label="Import a file">
      <h4>Import a file</h4>
      <label htmlFor="import-file">CSV, STIX 2.1 bundle or MISP event</label>
      <input
        id="import-file"
        type="file"
        accept=".csv,.tsv,.txt,.json,text/csv,application/json"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <p className="muted small">
        CSV columns <code>kind,value,severity,note</code> (and optionally <code>source,tlp,confidence</code>). Good rows
        are stored; each bad one is listed with its line or JSON path.
      </p>
      <button type="submit" className="primary" disabled={isSending}>
        {isSending ? 'Importing…' : 'Import'}
      </button>
      <FormError message={message} />
      {report === null ? null : <ImportResult report={report} />}
    </form>
  )
}

function ImportResult(props: { readonly report: ImportReport }) {
  const { report } = props
  return (
    <div className="import-result" role="status" aria-label="Import result">
      <p>
        <strong>{report.added}</strong> added from the {report.format.toUpperCase()} file, {report.alreadyListed}{' '}
        already listed, {report.repeated} repeated in the file, <strong>{report.rejectedCount}</strong> rejected.
      </p>
      {report.rejected.length === 0 ? null : (
        <table className="list" aria-label="Rejected indicators">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.map((item, index) => (
              <tr key={index}>
                <td>
                  <code>
                    {item.path ?? `line ${item.line ?? '?'}${item.field === undefined ? '' : ` (${item.field})`}`}
                  </code>
                </td>
                <td>{item.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.unsupported.length === 0 ? null : (
        <p className="muted small">
          Not for watchlists: {report.unsupported.map((item) => `${item.type} (${item.path ?? '?'})`).join(', ')}.
        </p>
      )}
    </div>
  )
}
