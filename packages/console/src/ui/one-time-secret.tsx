/** A secret the server shows once, and the sentence that names it (also the secret's accessible name). */
export type ShownSecret = { readonly label: string; readonly value: string }

/**
 * A secret the server shows once (a one-time password, an API key token, a webhook signing secret), with what to do
 * with it; nothing while there is none to show.
 */
export function OneTimeSecret(props: { readonly secret: ShownSecret | null; readonly onDone: () => void }) {
  const { secret } = props
  if (secret === null) return null
  return (
    <div className="notice secret" role="status">
      <p>
        <strong>{secret.label}</strong> It is shown this once: copy it now and hand it over through a safe channel.
      </p>
      <code className="secret-value" aria-label={secret.label}>
        {secret.value}
      </code>
      <button type="button" onClick={props.onDone}>
        Done, hide it
      </button>
    </div>
  )
}
