/** The cookie that ties a single sign-on attempt to the browser that started it. */
export const oidcStateCookieName = 'hw_oidc'

/** Where the cookie is sent: the single sign-on routes only. */
export const oidcStateCookiePath = '/v1/session/oidc'

const statePattern = /^[A-Za-z0-9_-]{16,128}$/

/**
 * The `Set-Cookie` value holding an attempt's `state`: HttpOnly, SameSite=Lax (a browser sends it on the provider's
 * top-level redirect back, never on a cross-site POST or sub-request), short-lived, and sent to the callback only.
 * The callback requires it to equal the `state` in the URL, so a callback URL started in another browser (login CSRF)
 * is refused. `maxAgeSeconds: 0` clears it.
 */
export function oidcStateCookie(state: string, options: { maxAgeSeconds: number; isSecure: boolean }): string {
  const attributes = [
    `${oidcStateCookieName}=${state}`,
    `Path=${oidcStateCookiePath}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
  ]
  if (options.isSecure) attributes.push('Secure')
  return attributes.join('; ')
}

/** The state in a `Cookie` header, or `undefined` when there is none or it is not well-formed. */
export function readOidcStateCookie(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=')
    if (separator < 0 || pair.slice(0, separator).trim() !== oidcStateCookieName) continue
    const value = pair.slice(separator + 1).trim()
    return statePattern.test(value) ? value : undefined
  }
  return undefined
}
