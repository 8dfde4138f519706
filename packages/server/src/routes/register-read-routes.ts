import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { registerApplicationDetailRoute } from './applications/application-detail-route.js'
import { registerListApplicationsRoute } from './applications/list-applications-route.js'
import { registerAuditRoute } from './audit/audit-route.js'
import { registerClusterRoute } from './clusters/cluster-route.js'
import { registerTrendsRoute } from './trends/trends-route.js'

/**
 * What the console and a SIEM read: `GET /v1/applications`, `/v1/applications/:id`, `/v1/clusters/:id` (JSON or
 * GraphML) and `/v1/trends` (aggregates for the dashboard) under `applications.read`, and `GET /v1/audit` under
 * `audit.read`. Reads of personal data are audited.
 */
export function registerReadRoutes(app: FastifyInstance, options: { readonly store: Store }): void {
  registerListApplicationsRoute(app, options)
  registerApplicationDetailRoute(app, options)
  registerClusterRoute(app, options)
  registerTrendsRoute(app, options)
  registerAuditRoute(app, options)
}
