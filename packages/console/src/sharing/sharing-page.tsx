import { useState } from 'react'
import { asFailure, useApi } from '../api/use-api'
import { CreateForm } from '../ui/create-form'
import { formatDateTime } from '../ui/format'
import { SelectField } from '../ui/select-field'
import { ErrorBanner, Loading } from '../ui/status-views'
import { TextField } from '../ui/text-field'
import {
  createExport,
  describeSelection,
  downloadExport,
  emptyExportForm,
  exportFormats,
  exportTlpLevels,
  listExports,
  tlpLabel,
  type ExportForm,
} from './sharing-api'

/**
 * Admins: export confirmed-fraud indicators for partners (STIX 2.1 or MISP, a TLP level, optionally as keyed hashes),
 * see past exports and download them. STIX exports are also served to partners' TAXII clients.
 */
export function SharingPage() {
  const { state, reload } = useApi('sharing-exports', listExports)
  const [message, setMessage] = useState<string | null>(null)
  return (
    <main className="page">
      <h1>Sharing</h1>
      <p className="muted">
        Exports hold the identifiers of applications and clusters decided as confirmed fraud. TLP:RED never leaves. STIX
        exports are served to partners over TAXII 2.1 at <code>/taxii2/</code> (API keys with the read scope).
      </p>
      <NewExportForm
        onCreated={(text) => {
          setMessage(text)
          reload()
        }}
      />
      {message === null ? null : (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {state.status === 'loading' ? <Loading what="exports" /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' && state.data.length === 0 ? <p className="empty">No exports yet.</p> : null}
      {state.status === 'loaded' && state.data.length > 0 ? (
        <table className="list" aria-label="Exports">
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Format</th>
              <th scope="col">TLP</th>
              <th scope="col">Indicators</th>
              <th scope="col">Selection</th>
              <th scope="col">By</th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((item) => (
              <tr key={item.id}>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>
                  {item.format.toUpperCase()}
                  {item.isHashed ? ` (keyed hashes, key ${item.keyFingerprint ?? '?'})` : ''}
                </td>
                <td>{tlpLabel(item.tlp)}</td>
                <td>
                  {item.indicatorCount}
                  {item.withheldCount > 0 ? ` (${item.withheldCount} withheld)` : ''}
                </td>
                <td>{describeSelection(item.selection)}</td>
                <td>{item.actor}</td>
                <td className="actions">
                  <button
                    type="button"
                    aria-label={`Download the ${item.format.toUpperCase()} export of ${formatDateTime(item.createdAt)}`}
                    onClick={() =>
                      void downloadExport(item).then(
                        () => setMessage(null),
                        (error: unknown) => setMessage(asFailure(error).message),
                      )
                    }
                  >
                    Download
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  )
}

function NewExportForm(props: { readonly onCreated: (message: string) => void }) {
  const [form, setForm] = useState<ExportForm>(emptyExportForm)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const set = (changes: Partial<ExportForm>) => setForm({ ...form, ...changes })
  const submit = () => {
    setIsBusy(true)
    createExport(form).then(
      (created) => {
        setIsBusy(false)
        setError(null)
        const withheld = created.withheld.length === 0 ? '' : `; ${created.withheld.length} withheld`
        props.onCreated(
          `Exported ${created.export.indicatorCount} indicators as ${created.export.format.toUpperCase()} at ${tlpLabel(created.export.tlp)}${withheld}.`,
        )
      },
      (failure: unknown) => {
        setIsBusy(false)
        setError(asFailure(failure).message)
      },
    )
  }
  return (
    <CreateForm
      label="Export confirmed-fraud indicators"
      submitLabel="Export"
      busyLabel="Exporting…"
      isBusy={isBusy}
      onSubmit={submit}
      error={error}
    >
      <SelectField
        id="export-format"
        label="Format"
        options={exportFormats}
        value={form.format}
        onChange={(format) => set({ format })}
        optionLabel={(format) => (format === 'stix' ? 'STIX 2.1 (also over TAXII)' : 'MISP event')}
      />
      <SelectField
        id="export-tlp"
        label="TLP"
        options={exportTlpLevels}
        value={form.tlp}
        onChange={(tlp) => set({ tlp })}
        optionLabel={tlpLabel}
      />
      <TextField
        id="export-from"
        label="Decided from (optional)"
        type="date"
        value={form.decidedFrom}
        onChange={(decidedFrom) => set({ decidedFrom })}
      />
      <TextField
        id="export-before"
        label="Decided before (optional)"
        type="date"
        value={form.decidedBefore}
        onChange={(decidedBefore) => set({ decidedBefore })}
      />
      <TextField
        id="export-cluster"
        label="Cluster id (optional)"
        value={form.clusterId}
        onChange={(clusterId) => set({ clusterId })}
      />
      <TextField
        id="export-attributed"
        label="Attributed to (optional)"
        placeholder="Famous Chollima"
        value={form.attributedTo}
        onChange={(attributedTo) => set({ attributedTo })}
      />
      <label className="checkbox">
        <input type="checkbox" checked={form.isHashed} onChange={(event) => set({ isHashed: event.target.checked })} />
        Privacy-preserving: keyed hashes under the consortium key instead of values
      </label>
    </CreateForm>
  )
}
