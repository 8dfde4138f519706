import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { registerCaseRoutes } from './cases/case-routes.js'
import { registerDecisionRoutes } from './decisions/decision-routes.js'

/**
 * The review: the queue (`GET /v1/cases`), case assignment (`POST /v1/cases/:id/assign`) and decisions on
 * applications and clusters (`POST /v1/applications/:id/decisions`, `POST /v1/clusters/:id/decisions`).
 */
export function registerReviewRoutes(app: FastifyInstance, options: { readonly store: Store }): void {
  registerCaseRoutes(app, options)
  registerDecisionRoutes(app, options)
}
