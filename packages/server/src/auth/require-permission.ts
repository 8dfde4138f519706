import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { ApiError } from '../errors/api-error.js'
import { rateLimitedError } from '../security/rate-limiter.js'
import { authenticateRequest } from './authenticate-request.js'
import { isPermitted, type Permission } from './permission-table.js'
import { describePrincipal, type Principal } from './principal.js'

const challenge = { 'www-authenticate': 'Bearer realm="hirewall"' }

/**
 * A preHandler that lets the request through only when its API key or session holds `permission`; it answers 401
 * UNAUTHENTICATED without valid credentials and 403 FORBIDDEN with credentials that lack the permission. A person
 * who signed in with a one-time password gets 403 PASSWORD_CHANGE_REQUIRED for everything but `account.own`. A
 * caller over the permission's rate limit (`registerPermissionRateLimit`) gets 429 RATE_LIMITED. The caller is then
 * in `request.principal`. Needs the app built with `accessControl`.
 */
export function requirePermission(permission: Permission): preHandlerAsyncHookHandler {
  return async function checkPermission(request) {
    const principal = await principalOf(request)
    if (principal.kind === 'user' && principal.mustChangePassword === true && permission !== 'account.own') {
      throw new ApiError(
        'PASSWORD_CHANGE_REQUIRED',
        'You signed in with a one-time password: choose a new one (POST /v1/me/password) before anything else.',
        { permission },
      )
    }
    if (isPermitted(principal, permission)) {
      const decision = request.server.permissionRateLimits?.get(permission)?.take(describePrincipal(principal))
      if (decision?.status === 'limited') throw rateLimitedError(decision, permission)
      return
    }
    const holder =
      principal.kind === 'user' ? { role: principal.role } : { scopes: principal.scopes as readonly string[] }
    const who = principal.kind === 'user' ? `The role ${principal.role}` : 'This API key'
    throw new ApiError('FORBIDDEN', `${who} does not grant the permission ${permission}.`, { permission, ...holder })
  }
}

async function principalOf(request: FastifyRequest): Promise<Principal> {
  if (request.principal !== null) return request.principal
  const access = request.server.accessControl
  // A route guarded without ports to check against is a wiring mistake, not the client's.
  if (access === null) throw new Error('requirePermission used on an app built without accessControl')
  const authentication = await authenticateRequest(request.headers, access)
  switch (authentication.status) {
    case 'authenticated':
      request.principal = authentication.principal
      return authentication.principal
    case 'anonymous':
      throw new ApiError(
        'UNAUTHENTICATED',
        'Send an API key (Authorization: Bearer hw_…) or sign in.',
        {},
        {
          headers: challenge,
        },
      )
    case 'rejected':
      throw new ApiError('UNAUTHENTICATED', authentication.reason, {}, { headers: challenge })
  }
}
