import { useState, type FormEvent } from 'react'
import { asFailure, useApi } from '../api/use-api'
import { formatDateTime, formatDate } from '../ui/format'
import { ErrorBanner, Loading } from '../ui/status-views'
import { apiKeyScopes, createApiKey, listApiKeys, revokeApiKey } from './admin-api'
import { OneTimeSecret } from './one-time-secret'

/** Admins: machine clients' keys: create one (its token shown once), see their use, revoke. */
export function ApiKeysPage() {
  const { state, reload } = useApi('api-keys', listApiKeys)
  const [token, setToken] = useState<{ name: string; value: string } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  return (
    <main className="page">
      <h1>API keys</h1>
      <NewKeyForm
        onCreated={(name, value) => {
          setToken({ name, value })
          reload()
        }}
      />
      {token === null ? null : (
        <OneTimeSecret label={`The token of ${token.name}.`} secret={token.value} onDone={() => setToken(null)} />
      )}
      {message === null ? null : (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {state.status === 'loading' ? <Loading what="API keys" /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' && state.data.length === 0 ? <p className="empty">No API keys yet.</p> : null}
      {state.status === 'loaded' && state.data.length > 0 ? (
        <table className="list" aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>hw_{key.prefix}_…</code>
                </td>
                <td>{key.scopes.join(', ')}</td>
                <td>{formatDateTime(key.createdAt)}</td>
                <td>{formatDateTime(key.lastUsedAt)}</td>
                <td>{formatDate(key.expiresAt)}</td>
                <td>{key.status}</td>
                <td>
                  <button
                    type="button"
                    disabled={key.status !== 'active'}
                    aria-label={`Revoke ${key.name}`}
                    onClick={() => {
                      if (!window.confirm(`Revoke ${key.name}? Clients using it are refused from now on.`)) return
                      revokeApiKey(key.id).then(
                        () => reload(),
                        (error: unknown) => setMessage(asFailure(error).message),
                      )
                    }}
                  >
                    Revoke
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

function NewKeyForm(props: { readonly onCreated: (name: string, token: string) => void }) {
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<readonly string[]>(['submit'])
  const [expires, setExpires] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (scopes.length === 0) return setMessage('Choose at least one scope.')
    createApiKey({
      name: name.trim(),
      scopes,
      ...(expires === '' ? {} : { expiresAt: new Date(`${expires}T23:59:59`).toISOString() }),
    }).then(
      (created) => {
        setName('')
        setMessage(null)
        props.onCreated(created.apiKey.name, created.token)
      },
      (error: unknown) => setMessage(asFailure(error).message),
    )
  }
  return (
    <form className="filters" onSubmit={submit} aria-label="Create an API key">
      <div className="field">
        <label htmlFor="new-key-name">Name</label>
        <input
          id="new-key-name"
          required
          value={name}
          placeholder="greenhouse sync"
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <fieldset className="field outcomes">
        <legend>Scopes</legend>
        {apiKeyScopes.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) =>
                setScopes(
                  apiKeyScopes.filter((candidate) =>
                    candidate === scope ? event.target.checked : scopes.includes(candidate),
                  ),
                )
              }
            />
            {scope}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="new-key-expires">Expires (optional)</label>
        <input id="new-key-expires" type="date" value={expires} onChange={(event) => setExpires(event.target.value)} />
      </div>
      <div className="filter-actions">
        <button type="submit" className="primary">
          Create key
        </button>
      </div>
      {message === null ? null : (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
    </form>
  )
}
