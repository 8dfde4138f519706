import { useCallback, useEffect, useState } from 'react'
import type { ApiFailure } from '../api/api-failure'
import { asFailure } from '../api/use-api'
import { formatDateTime } from '../ui/format'
import { ErrorBanner, Loading } from '../ui/status-views'
import { listEntries, removeEntry, type RescreenStarted, type Watchlist, type WatchlistEntry } from './intelligence-api'
import { AddEntryForm, ImportFileForm, describeRescreen } from './watchlist-forms'

type Entries = {
  readonly items: readonly WatchlistEntry[]
  readonly nextCursor: string | null
  readonly isLoading: boolean
  readonly failure: ApiFailure | null
}

/** One watchlist: its entries a page at a time, and for admins the forms that add, import and remove entries. */
export function WatchlistPanel(props: {
  readonly watchlist: Watchlist
  readonly canManage: boolean
  readonly onChanged: () => void
}) {
  const { watchlist } = props
  const [entries, setEntries] = useState<Entries>({ items: [], nextCursor: null, isLoading: true, failure: null })
  const [notice, setNotice] = useState<string | null>(null)
  const load = useCallback(
    (after: string | undefined, signal?: AbortSignal) => {
      setEntries((current) => ({ ...current, isLoading: true, failure: null }))
      listEntries(watchlist.id, after, signal).then(
        (page) =>
          setEntries((current) => ({
            items: after === undefined ? page.items : [...current.items, ...page.items],
            nextCursor: page.nextCursor,
            isLoading: false,
            failure: null,
          })),
        (error: unknown) => {
          if (signal?.aborted === true) return
          setEntries((current) => ({ ...current, isLoading: false, failure: asFailure(error) }))
        },
      )
    },
    [watchlist.id],
  )
  useEffect(() => {
    const controller = new AbortController()
    load(undefined, controller.signal)
    return () => controller.abort()
  }, [load, watchlist.revision])
  const changed = (rescreen: RescreenStarted | undefined) => {
    if (rescreen !== undefined) setNotice(describeRescreen(rescreen))
    props.onChanged()
  }
  return (
    <section className="watchlist-panel" aria-labelledby="watchlist-entries-heading">
      <h3 id="watchlist-entries-heading">
        Entries of <code>{watchlist.name}</code>
      </h3>
      {props.canManage ? (
        <div className="columns">
          <AddEntryForm watchlist={watchlist} onAdded={changed} />
          <ImportFileForm watchlist={watchlist} onImported={changed} />
        </div>
      ) : null}
      {notice === null ? null : (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {entries.failure === null ? null : <ErrorBanner failure={entries.failure} onRetry={() => load(undefined)} />}
      {!entries.isLoading && entries.failure === null && entries.items.length === 0 ? (
        <p className="empty">This list has no entries yet.</p>
      ) : null}
      {entries.items.length > 0 ? (
        <table className="list" aria-label={`Entries of ${watchlist.name}`}>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Value</th>
              <th scope="col">Severity</th>
              <th scope="col">TLP</th>
              <th scope="col">Source</th>
              <th scope="col">Note</th>
              <th scope="col">Added</th>
              {props.canManage ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {entries.items.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.kind}</td>
                <td>
                  <code>{entry.value}</code>
                </td>
                <td>{entry.severity ?? 'high'}</td>
                <td>
                  TLP:{entry.tlp.toUpperCase()}
                  {entry.isShareable ? null : <span className="muted small"> (internal only)</span>}
                </td>
                <td>
                  {entry.source}
                  {entry.confidence === null ? null : <span className="muted small"> ({entry.confidence}%)</span>}
                </td>
                <td>{entry.note ?? '–'}</td>
                <td>
                  {formatDateTime(entry.addedAt)} <span className="muted small">{entry.addedBy}</span>
                </td>
                {props.canManage ? (
                  <td className="actions">
                    <button
                      type="button"
                      aria-label={`Remove ${entry.kind} ${entry.value}`}
                      onClick={() =>
                        void removeEntry(watchlist.id, entry.id).then(
                          (removed) => changed(removed.rescreen),
                          (error: unknown) => setNotice(asFailure(error).message),
                        )
                      }
                    >
                      Remove
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {entries.isLoading ? <Loading what="entries" /> : null}
      {entries.nextCursor !== null && !entries.isLoading ? (
        <div className="pager">
          <button type="button" onClick={() => load(entries.nextCursor ?? undefined)}>
            Show more entries
          </button>
        </div>
      ) : null}
    </section>
  )
}
