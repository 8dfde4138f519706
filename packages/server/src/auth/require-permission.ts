import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { ApiError } from '../errors/api-error.js'
import { authenticateRequest } from './authenticate-request.js'
import { isPermitted, type Permission } from './permission-table.js'
import type { Principal } from './principal.js'

const challenge = { 'www-authenticate': 'Bearer realm="hirewall"' }

/**
 * A preHandler that lets the request through only when its API key or session holds `permission`; it answers 401
 * UNAUTHENTICATED without valid credentials and 403 FORBIDDEN with credentials that lack the permission. The caller
 * is then in `request.principal`. Needs the app built with `accessControl`.
 */
export function requirePermission(permission: Permission): preHandlerAsyncHookHandler {
  return async function checkPermission(request) {
    const principal = await principalOf(request)
    if (isPermitted(principal, permission)) return
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
