import type { FastifyRequest } from 'fastify'
import { describePrincipal } from '../../auth/principal.js'

/**
 * Who the audit log and events name for this request (`user:<id>`, `api-key:<prefix>`). Only for routes behind
 * `requirePermission`, which sets the principal; reaching here without one is a wiring mistake.
 */
export function actorLabel(request: FastifyRequest): string {
  if (request.principal === null) throw new Error('actorLabel used on a route without requirePermission')
  return describePrincipal(request.principal)
}
