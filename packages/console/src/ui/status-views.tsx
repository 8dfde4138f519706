import type { ApiFailure } from '../api/api-failure'

/** A region that is still loading, announced to screen readers. */
export function Loading(props: { readonly what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {props.what}…
    </p>
  )
}

/** A failure the person can read and, when it may pass, retry. */
export function ErrorBanner(props: { readonly failure: ApiFailure; readonly onRetry?: () => void }) {
  const { failure } = props
  const title =
    failure.status === 403
      ? 'You do not have access to this.'
      : failure.status === 404
        ? 'Not found.'
        : failure.code === 'NETWORK'
          ? 'The server could not be reached.'
          : 'Something went wrong.'
  return (
    <div className="error-banner" role="alert">
      <strong>{title}</strong> <span>{failure.message}</span>
      {failure.code !== 'NETWORK' && failure.status > 0 ? <code className="error-code">{failure.code}</code> : null}
      {props.onRetry === undefined ? null : (
        <button type="button" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}
