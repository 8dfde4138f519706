import type { FastifyRequest } from 'fastify'

/**
 * The request's route pattern (`/applications/:id`) for logs and metric labels, or `unmatched`: never the raw URL,
 * which may carry personal data and would give metrics one series per URL.
 */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched'
}
