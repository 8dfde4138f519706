import { useState } from 'react'
import { asFailure, useApi } from '../api/use-api'
import { CheckboxGroup } from '../ui/checkbox-group'
import { CreateForm } from '../ui/create-form'
import { FormError } from '../ui/form-error'
import { formatDateTime, formatDate } from '../ui/format'
import { OneTimeSecret, type ShownSecret } from '../ui/one-time-secret'
import { ErrorBanner, Loading } from '../ui/status-views'
import { TextField } from '../ui/text-field'
import { apiKeyScopes, createApiKey, listApiKeys, revokeApiKey, type ApiKeyScope } from './admin-api'

/** Admins: machine clients' keys: create one (its token shown once), see their use, revoke. */
export function ApiKeysPage() {
  const { state, reload } = useApi('api-keys', listApiKeys)
  const [token, setToken] = useState<ShownSecret | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  return (
    <main className="page">
      <h1>API keys</h1>
      <NewKeyForm
        onCreated={(name, value) => {
          setToken({ label: `The token of ${name}.`, value })
          reload()
        }}
      />
      <OneTimeSecret secret={token} onDone={() => setToken(null)} />
      <FormError message={message} />
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
  const [scopes, setScopes] = useState<readonly ApiKeyScope[]>(['submit'])
  const [expires, setExpires] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const submit = () => {
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
    <CreateForm label="Create an API key" submitLabel="Create key" onSubmit={submit} error={message}>
      <TextField
        id="new-key-name"
        label="Name"
        required
        placeholder="greenhouse sync"
        value={name}
        onChange={setName}
      />
      <CheckboxGroup legend="Scopes" options={apiKeyScopes} checked={scopes} onChange={setScopes} />
      <TextField id="new-key-expires" label="Expires (optional)" type="date" value={expires} onChange={setExpires} />
    </CreateForm>
  )
}
