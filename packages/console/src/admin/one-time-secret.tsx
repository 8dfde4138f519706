/** A secret the server shows once (a one-time password, an API key token), with what to do with it. */
export function OneTimeSecret(props: { readonly label: string; readonly secret: string; readonly onDone: () => void }) {
  return (
    <div className="notice secret" role="status">
      <p>
        <strong>{props.label}</strong> It is shown this once: copy it now and hand it over through a safe channel.
      </p>
      <code className="secret-value" aria-label={props.label}>
        {props.secret}
      </code>
      <button type="button" onClick={props.onDone}>
        Done, hide it
      </button>
    </div>
  )
}
