import { useEffect, useState } from 'react'
import { asFailure, useApi } from '../api/use-api'
import { CreateForm } from '../ui/create-form'
import { formatDate, formatDateTime } from '../ui/format'
import { ErrorBanner, Loading } from '../ui/status-views'
import { TextField } from '../ui/text-field'
import { createWatchlist, listSources, listWatchlists, type IntelSource, type Watchlist } from './intelligence-api'
import { formatAge, sourceAge } from './source-age'
import { WatchlistPanel } from './watchlist-panel'

/**
 * Intelligence: the reference sources screening uses (with a warning when one is past its age), and the watchlists
 * kept in the database with their entries. Admins create lists, add entries and import files.
 */
export function IntelligencePage(props: { readonly canManage: boolean }) {
  const watchlists = useApi('watchlists', listWatchlists)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  // The lists last read stay on screen while they are read again, so the open list and its forms keep their state.
  const [lists, setLists] = useState<readonly Watchlist[]>([])
  useEffect(() => {
    if (watchlists.state.status === 'loaded') setLists(watchlists.state.data)
  }, [watchlists.state])
  const selected = lists.find((list) => list.id === selectedId) ?? lists[0]
  return (
    <main className="page">
      <h1>Intelligence</h1>
      <SourcesSection />
      <section aria-labelledby="watchlists-heading">
        <h2 id="watchlists-heading">Watchlists</h2>
        <p className="muted">
          Known-bad indicators every application is screened against; a match is a <code>watchlist.match</code> signal
          naming the list and the entry. TLP:RED entries never leave the organisation.
        </p>
        {props.canManage ? (
          <NewWatchlistForm onCreated={(list) => (setSelectedId(list.id), watchlists.reload())} />
        ) : null}
        {watchlists.state.status === 'loading' && lists.length === 0 ? <Loading what="watchlists" /> : null}
        {watchlists.state.status === 'failed' ? (
          <ErrorBanner failure={watchlists.state.failure} onRetry={watchlists.reload} />
        ) : null}
        {watchlists.state.status === 'loaded' && lists.length === 0 ? (
          <p className="empty">No watchlists yet.</p>
        ) : null}
        {lists.length > 0 ? (
          <table className="list" aria-label="Watchlists">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Entries</th>
                <th scope="col">Revision</th>
                <th scope="col">Changed</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((list) => (
                <tr key={list.id} aria-current={list.id === selected?.id ? 'true' : undefined}>
                  <td>
                    <code>{list.name}</code>
                  </td>
                  <td>{list.description ?? '–'}</td>
                  <td>{list.entries.toLocaleString()}</td>
                  <td>{list.revision}</td>
                  <td>{formatDateTime(list.updatedAt)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      aria-label={`Show the entries of ${list.name}`}
                      onClick={() => setSelectedId(list.id)}
                    >
                      Show entries
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {selected === undefined ? null : (
          <WatchlistPanel
            key={selected.id}
            watchlist={selected}
            canManage={props.canManage}
            onChanged={watchlists.reload}
          />
        )}
      </section>
    </main>
  )
}

function SourcesSection() {
  const { state, reload } = useApi('intel-sources', listSources)
  const now = new Date()
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Reference sources</h2>
      <p className="muted">
        What the service loaded at its last start. Keep them current with <code>hirewall intel update</code> (or{' '}
        <code>hirewall intel import</code> offline) and restart.
      </p>
      {state.status === 'loading' ? <Loading what="sources" /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' && state.data.length === 0 ? (
        <p className="empty">No reference source is loaded: screening runs on the record alone.</p>
      ) : null}
      {state.status === 'loaded' && state.data.length > 0 ? (
        <table className="list" aria-label="Reference sources">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Kind</th>
              <th scope="col">Version</th>
              <th scope="col">Fetched</th>
              <th scope="col">Entries</th>
              <th scope="col">Skipped rows</th>
              <th scope="col">Origin</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((source) => (
              <SourceRow key={`${source.kind}/${source.name}`} source={source} now={now} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}

function SourceRow(props: { readonly source: IntelSource; readonly now: Date }) {
  const { source } = props
  const age = sourceAge(source, props.now)
  return (
    <tr>
      <td>
        <code>{source.name}</code>
      </td>
      <td>{source.kind}</td>
      <td>{source.version}</td>
      <td>
        {formatDate(source.fetchedAt)} ({formatAge(age.days)})
        {age.isStale ? (
          <span className="badge badge-review" title={`Older than ${age.limitDays ?? '?'} days: update it`}>
            {' '}
            stale
          </span>
        ) : null}
      </td>
      <td>{source.entries.toLocaleString()}</td>
      <td>{source.skipped.toLocaleString()}</td>
      <td>{source.origin}</td>
    </tr>
  )
}

function NewWatchlistForm(props: { readonly onCreated: (list: Watchlist) => void }) {
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const submit = () => {
    const text = description.trim()
    createWatchlist({ name: name.trim(), ...(text === '' ? {} : { description: text }) }).then(
      (list) => {
        setName('')
        setDescription('')
        setMessage(null)
        props.onCreated(list)
      },
      (error: unknown) => setMessage(asFailure(error).message),
    )
  }
  return (
    <CreateForm label="Create a watchlist" submitLabel="Create list" onSubmit={submit} error={message}>
      <TextField
        id="new-watchlist-name"
        label="List name"
        required
        pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}"
        placeholder="ring-a"
        value={name}
        onChange={setName}
      />
      <TextField
        id="new-watchlist-description"
        label="Description (optional)"
        value={description}
        onChange={setDescription}
      />
    </CreateForm>
  )
}
