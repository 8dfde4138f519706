import { callApi, withQuery } from '../api/api-client'

/** How people can sign in (`GET /v1/session/methods`). */
export type SignInMethods = {
  readonly password: boolean
  readonly sso: { readonly protocol: 'oidc'; readonly displayName: string; readonly startPath: string } | null
}

/** The sign-in methods, or passwords only when the server cannot say (an older server, a network fault). */
export async function readSignInMethods(signal?: AbortSignal): Promise<SignInMethods> {
  try {
    return await callApi<SignInMethods>(
      'GET',
      '/v1/session/methods',
      signal === undefined ? { isSignIn: true } : { signal, isSignIn: true },
    )
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    return { password: true, sso: null }
  }
}

/** Where the single sign-on button goes: the start path, asking to come back to the page the person was on. */
export function ssoStartHref(startPath: string, location: { readonly pathname: string; readonly search: string }) {
  const search = withoutSignInError(location.search)
  const returnTo = `${location.pathname}${search}`
  return returnTo === '/' ? startPath : withQuery(startPath, { returnTo })
}

const messages: Readonly<Record<string, string>> = {
  expired: 'The single sign-on took too long or was started in another window. Try again.',
  cancelled: 'Single sign-on was cancelled.',
  failed: 'Single sign-on did not succeed. Try again, or ask an admin if it keeps failing.',
  unavailable: 'The single sign-on provider cannot be reached right now. Try again later.',
  'email-unverified': 'Your sign-on provider did not confirm a verified email address for you.',
  'no-account': 'There is no active HireWall account for you. Ask an admin to add you.',
  'rate-limited': 'Too many attempts. Wait a minute and try again.',
}

/** The sentence for a `signInError` code from a failed single sign-on, or `null` when there is none. */
export function ssoErrorMessage(search: string): string | null {
  const code = new URLSearchParams(search).get('signInError')
  if (code === null) return null
  return messages[code] ?? messages.failed ?? null
}

/** The query string without `signInError` (so a reload does not show the message again). */
export function withoutSignInError(search: string): string {
  const params = new URLSearchParams(search)
  params.delete('signInError')
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}
