import { ApiFailure, failureFrom } from './api-failure'

/** Query values; `undefined` and empty lists are left out, lists repeat the key (`outcome=hold&outcome=review`). */
export type QueryValues = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>

/** Builds `path?query` with only the given values. */
export function withQuery(path: string, query: QueryValues = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) search.append(key, item)
    } else {
      search.append(key, String(value))
    }
  }
  const text = search.toString()
  return text === '' ? path : `${path}?${text}`
}

/** Called when the server says the session is over (401), so the app can show the sign-in page again. */
type SessionEndedListener = () => void
const sessionEndedListeners = new Set<SessionEndedListener>()

/** Registers a listener for a 401 on any request; returns the function that removes it. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener)
  return () => sessionEndedListeners.delete(listener)
}

/**
 * One call to the HireWall API with the session cookie (same origin). Resolves with the parsed JSON body, or
 * `undefined` for 204; rejects with an {@link ApiFailure}.
 */
export async function callApi<Body>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: {
    readonly body?: unknown
    readonly signal?: AbortSignal
    readonly isSignIn?: boolean
    /** A body sent as it is (an uploaded file), with its content type, instead of `body` as JSON. */
    readonly text?: { readonly contentType: string; readonly body: string }
  } = {},
): Promise<Body> {
  const headers: Record<string, string> = { accept: 'application/json' }
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify(options.body)
  } else if (options.text !== undefined) {
    headers['content-type'] = options.text.contentType
    init.body = options.text.body
  }
  if (options.signal !== undefined) init.signal = options.signal
  let response: Response
  try {
    response = await fetch(path, init)
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiFailure(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.')
  }
  if (response.status === 204) return undefined as Body
  const body: unknown = await response.json().catch(() => undefined)
  if (response.ok) return body as Body
  const failure = failureFrom(response.status, body)
  // A wrong password on the sign-in form is a 401 too, but it does not end a session.
  if (response.status === 401 && options.isSignIn !== true) {
    for (const listener of sessionEndedListeners) listener()
  }
  throw failure
}
