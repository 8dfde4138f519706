import { useState } from 'react'
import { asFailure, useApi } from '../api/use-api'
import { CheckboxGroup } from '../ui/checkbox-group'
import { CreateForm } from '../ui/create-form'
import { FormError } from '../ui/form-error'
import { formatDateTime } from '../ui/format'
import { OneTimeSecret, type ShownSecret } from '../ui/one-time-secret'
import { ErrorBanner, Loading } from '../ui/status-views'
import { TextField } from '../ui/text-field'
import {
  createSubscription,
  listSubscriptions,
  rotateSecret,
  setSubscriptionEnabled,
  webhookEventTypes,
  type WebhookEventType,
} from './webhooks-api'

/** Admins: where HireWall POSTs its events (signed the Standard Webhooks way), with each secret shown once. */
export function WebhooksPage() {
  const { state, reload } = useApi('webhook-subscriptions', listSubscriptions)
  const [secret, setSecret] = useState<ShownSecret | null>(null)
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
      <OneTimeSecret secret={secret} onDone={() => setSecret(null)} />
      <FormError message={message} />
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
  const [events, setEvents] = useState<readonly WebhookEventType[]>(['case.decided'])
  const [message, setMessage] = useState<string | null>(null)
  const submit = () => {
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
    <CreateForm label="Add a webhook subscription" submitLabel="Add subscription" onSubmit={submit} error={message}>
      <TextField
        id="new-webhook-url"
        label="URL"
        type="url"
        required
        placeholder="https://siem.example.com/hirewall"
        value={url}
        onChange={setUrl}
      />
      <CheckboxGroup
        legend="Events"
        options={webhookEventTypes}
        checked={events}
        onChange={setEvents}
        optionLabel={(type) => (type === '*' ? 'every event' : type)}
      />
      <TextField
        id="new-webhook-description"
        label="Description (optional)"
        value={description}
        onChange={setDescription}
      />
    </CreateForm>
  )
}
