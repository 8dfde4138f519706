import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ApiError } from '../errors/api-error.js'
import { errorResponseSchema } from '../errors/error-response-schema.js'
import { runReadinessChecks, type ReadinessCheck } from './readiness.js'

const checkSchema = z.object({ name: z.string(), status: z.enum(['pass', 'fail']) })

/**
 * `GET /healthz`: the process is up (liveness; no dependency is checked, so a database outage never gets the process
 * restarted). `GET /readyz`: every readiness check passes, else 503 UNAVAILABLE naming the failing checks. While the
 * server drains, both answer 503 like every other request.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  options: { readonly checks: readonly ReadinessCheck[]; readonly timeoutMs: number },
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>()
  typed.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is up',
        response: { 200: z.object({ status: z.literal('up') }) },
      },
    },
    () => ({ status: 'up' as const }),
  )
  typed.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: dependencies answer and the server is not shutting down',
        response: {
          200: z.object({ status: z.literal('ready'), checks: z.array(checkSchema) }),
          503: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const results = await runReadinessChecks(options.checks, options.timeoutMs)
      const checks = results.map(({ name, status }) => ({ name, status }))
      const failing = checks.filter((check) => check.status === 'fail').map((check) => check.name)
      for (const result of results) {
        if (result.status === 'fail')
          request.log.warn({ check: result.name, err: result.error }, 'readiness check failed')
      }
      if (failing.length > 0) {
        throw new ApiError('UNAVAILABLE', `Not ready: ${failing.join(', ')} failed.`, { failing, checks })
      }
      return { status: 'ready' as const, checks }
    },
  )
}
