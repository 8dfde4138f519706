import type { IncomingHttpHeaders } from 'node:http'
import type { AccessControl } from './auth-ports.js'
import type { Principal } from './principal.js'
import { hashSessionToken, readSessionCookie } from './session-token.js'
import { verifyApiKey } from './verify-api-key.js'

/** The outcome of reading a request's credentials. `rejected` carries a sentence safe to send to the client. */
export type Authentication =
  | { readonly status: 'authenticated'; readonly principal: Principal }
  | { readonly status: 'anonymous' }
  | { readonly status: 'rejected'; readonly reason: string }

const bearer = /^Bearer[ ]+(\S+)$/i

/**
 * Finds who is calling: an API key in `Authorization: Bearer hw_…` (which wins when both are present) or the console's
 * session cookie. A credential that is present but wrong is `rejected`, never treated as anonymous.
 */
export async function authenticateRequest(
  headers: IncomingHttpHeaders,
  access: AccessControl,
): Promise<Authentication> {
  const authorization = headers.authorization
  if (authorization !== undefined) {
    const token = bearer.exec(authorization)?.[1]
    if (token === undefined) return { status: 'rejected', reason: 'The Authorization header must be "Bearer hw_…".' }
    const verification = await verifyApiKey(token, access.apiKeys, access.now())
    if (verification.status === 'invalid') {
      const reason =
        verification.reason === 'revoked'
          ? 'This API key has been revoked.'
          : verification.reason === 'expired'
            ? 'This API key has expired.'
            : 'The API key is not valid.'
      return { status: 'rejected', reason }
    }
    const { key } = verification
    await access.apiKeys.recordUse?.(key, access.now())
    return {
      status: 'authenticated',
      principal: { kind: 'api-key', keyId: key.id, prefix: key.prefix, scopes: key.scopes },
    }
  }
  const cookie = headers.cookie
  const token = readSessionCookie(cookie)
  if (token === undefined) {
    return cookie?.includes('hw_session=') === true
      ? { status: 'rejected', reason: 'The session cookie is not valid; sign in again.' }
      : { status: 'anonymous' }
  }
  const now = access.now()
  const session = await access.sessions.findSessionByTokenHash(hashSessionToken(token), now)
  if (session === undefined || session.expiresAt <= now || (session.revokedAt !== null && session.revokedAt <= now)) {
    return { status: 'rejected', reason: 'The session has ended; sign in again.' }
  }
  await access.sessions.recordActivity?.(session, now)
  const principal: Principal = { kind: 'user', userId: session.userId, role: session.role, sessionId: session.id }
  return {
    status: 'authenticated',
    principal: session.mustChangePassword === true ? { ...principal, mustChangePassword: true } : principal,
  }
}
