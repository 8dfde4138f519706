import { createHash, randomBytes } from 'node:crypto'

/** The name of the console's session cookie. */
export const sessionCookieName = 'hw_session'

const tokenPattern = /^[A-Za-z0-9_-]{43}$/

/** A new session token (256 random bits, base64url) for the cookie, and the hash the store keeps. */
export function generateSessionToken(): { readonly token: string; readonly tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashSessionToken(token) }
}

/** Hex SHA-256 of a session token: enough for 256 random bits, as for API keys. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The session token in a `Cookie` header, or `undefined` when there is none or it is not well-formed. */
export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=')
    if (separator < 0 || pair.slice(0, separator).trim() !== sessionCookieName) continue
    const value = pair.slice(separator + 1).trim()
    return tokenPattern.test(value) ? value : undefined
  }
  return undefined
}

/**
 * The `Set-Cookie` value that stores a session: HttpOnly (no script reads it), SameSite=Lax (browsers do not send it
 * with cross-site POSTs), Secure unless serving plain HTTP in development. `maxAgeSeconds: 0` signs out.
 */
export function sessionCookie(token: string, options: { maxAgeSeconds: number; isSecure: boolean }): string {
  const attributes = [`${sessionCookieName}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax']
  attributes.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`)
  if (options.isSecure) attributes.push('Secure')
  return attributes.join('; ')
}
