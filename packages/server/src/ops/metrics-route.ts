import type { FastifyInstance } from 'fastify'
import { routeLabel } from '../app/route-label.js'
import type { ServerMetrics } from './server-metrics.js'

/** `GET /metrics` in the Prometheus text format, and the hook that times every request into the latency histogram. */
export function registerMetricsRoute(app: FastifyInstance, metrics: ServerMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(
      { method: request.method, route: routeLabel(request), status: reply.statusCode },
      reply.elapsedTime / 1000,
    )
  })
  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics (text exposition format)' } },
    async (_request, reply) => {
      const body = await metrics.render()
      return reply.type(metrics.registry.contentType).send(body)
    },
  )
}
