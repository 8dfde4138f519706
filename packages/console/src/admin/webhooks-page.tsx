import { useState, type FormEvent } from 'react'
import { asFailure, useApi } from '../api/use-api'
import { formatDateTime } from '../ui/format'
import { ErrorBanner, Loading } from '../ui/status-views'
import { OneTimeSecret } from './one-time-secret'
import {
  createSubscription,
  listSubscriptions,
  rotateSecret,
  setSubscriptionEnabled,
  webhookEventTypes,
} from './webhooks-api'

/** Admins: where HireWall POSTs its events (signed the Standard Webhooks way), with each secret shown once. */
export function WebhooksPage() {
  const { state, reload } = useApi('webhook-subscriptions', listSubscriptions)
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setMessage(null)
        reload()
      },
      (error: unknown) => setMessage(asFailure(error).message),
    )
  return (
    <main className="page">
      <h1>Webhooks</h1>
      <p className="muted">
        HireWall signs every delivery (<code>webhook-signature</code>, Standard Webhooks) and retries failures for a
        day.
      </p>
      <NewSubscriptionForm
        onCreated={(url, value) => {
          setSecret({ label: `The signing secret for ${url}.`, value })
          reload()
        }}
      />
      {secret === null ? null : (
        <OneTimeSecret label={secret.label} secret={secret.value} onDone={() => setSecret(null)} />
      )}
      {message === null ? null : (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      {state.status === 'loading' ? <Loading what="webhook subscriptions" /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' && state.data.length === 0 ? <p className="empty">No subscriptions yet.</p> : null}
      {state.status === 'loaded' && state.data.length > 0 ? (
        <table className="list" aria-label="Webhook subscriptions">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Description</th>
              <th scope="col">Created</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((subscription) => {
              const isDisabled = subscription.disabledAt !== null
              return (
                <tr key={subscription.id}>
                  <td>
                    <code>{subscription.url}</code>
                  </td>
                  <td>{subscription.eventTypes.join(', ')}</td>
                  <td>{subscription.description ?? '–'}</td>
                  <td>{formatDateTime(subscription.createdAt)}</td>
                  <td>{isDisabled ? 'disabled' : 'delivering'}</td>
                  <td className="actions">
                    <button
                      type="button"
                      aria-label={`${isDisabled ? 'Enable' : 'Disable'} deliveries to ${subscription.url}`}
                      onClick={() => void act(setSubscriptionEnabled(subscription.id, isDisabled))}
                    >
                      {isDisabled ? 'Enable' : 'Disable'}
                    </button>
                    <button
                      type="button"
                      aria-label={`Rotate the secret of ${subscription.url}`}
                      onClick={() =>
                        void rotateSecret(subscription.id).then(
                          (rotated) => {
                            setSecret({
                              label: `The new signing secret for ${subscription.url}.`,
                              value: rotated.secret,
                            })
                            reload()
                          },
                          (error: unknown) => setMessage(asFailure(error).message),
                        )
                      }
                    >
                      Rotate secret
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
    </main>
  )
}

function NewSubscriptionForm(props: { readonly onCreated: (url: string, secret: string) => void }) {
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [events, setEvents] = useState<readonly string[]>(['case.decided'])
  const [message, setMessage] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (events.length === 0) return setMessage('Choose at least one event.')
    const text = description.trim()
    createSubscription({ url: url.trim(), eventTypes: events, ...(text === '' ? {} : { description: text }) }).then(
      (created) => {
        setUrl('')
        setDescription('')
        setMessage(null)
        props.onCreated(created.subscription.url, created.secret)
      },
      (error: unknown) => setMessage(asFailure(error).message),
    )
  }
  return (
    <form className="filters" onSubmit={submit} aria-label="Add a webhook subscription">
      <div className="field">
        <label htmlFor="new-webhook-url">URL</label>
        <input
          id="new-webhook-url"
          type="url"
          required
          placeholder="https://siem.example.com/hirewall"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
      </div>
      <fieldset className="field outcomes">
        <legend>Events</legend>
        {webhookEventTypes.map((type) => (
          <label key={type} className="checkbox">
            <input
              type="checkbox"
              checked={events.includes(type)}
              onChange={(event) =>
                setEvents(
                  webhookEventTypes.filter((candidate) =>
                    candidate === type ? event.target.checked : events.includes(candidate),
                  ),
                )
              }
            />
            {type === '*' ? 'every event' : type}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="new-webhook-description">Description (optional)</label>
        <input
          id="new-webhook-description"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <div className="filter-actions">
        <button type="submit" className="primary">
          Add subscription
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
