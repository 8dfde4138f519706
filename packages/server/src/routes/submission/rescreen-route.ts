import { outcomes } from '@hirewall/core'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import type { RescreenJobData } from '../../screening/run-rescreen.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { actorLabel } from '../audit/actor-label.js'
import { screeningErrorResponse } from './screening-error-response.js'

/** The most applications one request re-screens while the caller waits; more go through a background job. */
export const maxSynchronousRescreen = 100

/** Starts a background re-screening (a job queue puts `runRescreen` on it); answers with the job's id. */
export type RescreenJobStarter = {
  start(data: RescreenJobData): Promise<{ readonly jobId: string }>
}

const requestBody = z
  .strictObject({
    applicationIds: z
      .array(z.string().min(1).max(500))
      .min(1)
      .max(maxSynchronousRescreen)
      .optional()
      .describe(
        `Re-screen these applications now (at most ${maxSynchronousRescreen}); omit to re-screen every application ` +
          'in a background job.',
      ),
  })
  // A request without a body reaches the schema as null: every application.
  .nullish()

const scoreAndOutcome = z.object({ outcome: z.enum(outcomes), score: z.number() })

const completedResponse = z
  .object({
    status: z.literal('completed'),
    screened: z.number().int().describe('Applications re-screened: each has a new result version.'),
    changed: z
      .array(z.object({ applicationId: z.string(), from: scoreAndOutcome, to: scoreAndOutcome }))
      .describe('Those whose outcome changed; each also got a `screening.outcome_changed` event.'),
    notFound: z.array(z.string()).describe('Ids asked for that are not stored with a screening result.'),
    policyVersion: z.string(),
  })
  .meta({ id: 'RescreenReport' })

const queuedResponse = z
  .object({ status: z.literal('queued'), jobId: z.string(), policyVersion: z.string() })
  .meta({ id: 'RescreenQueued' })

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  503: errorResponseSchema,
}

/**
 * `POST /v1/rescreen` (`policy.manage`): re-screens with the current policy and reference data. A list of ids runs
 * while the caller waits; without one, every application is re-screened by a background job when the server has a
 * job queue. The pass is written to the audit log (`applications.rescreened`) with the caller.
 */
export function registerRescreenRoute(
  app: FastifyInstance,
  options: { readonly screening: ScreeningService; readonly rescreenJobs?: RescreenJobStarter | undefined },
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/rescreen',
    {
      preHandler: requirePermission('policy.manage'),
      schema: {
        tags: ['applications'],
        summary: 'Re-screen stored applications with the current policy and reference data',
        description:
          'Each application gets a new result version (trigger `rescreen`); changed outcomes are reported here and ' +
          'as `screening.outcome_changed` events, and an outcome that rises to review or hold opens a case.',
        body: requestBody,
        response: { 200: completedResponse, 202: queuedResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorLabel(request)
      const applicationIds = request.body?.applicationIds
      const { policyVersion } = options.screening.versions()
      if (applicationIds === undefined) {
        if (options.rescreenJobs === undefined) {
          throw new ApiError(
            'UNAVAILABLE',
            `Re-screening every application runs as a background job, and this server has no job queue: pass applicationIds (at most ${maxSynchronousRescreen}).`,
            { reason: 'no-job-queue' },
          )
        }
        const { jobId } = await options.rescreenJobs.start({ actor })
        return reply.code(202).send({ status: 'queued' as const, jobId, policyVersion })
      }
      const report = await options.screening
        .rescreen({ applicationIds: [...new Set(applicationIds)], actor })
        .catch((error: unknown) => {
          throw screeningErrorResponse(error)
        })
      if (!report.completed) {
        throw new ApiError('UNAVAILABLE', 'The re-screening stopped early: the server is shutting down; retry.', {
          reason: 'closed',
          screened: report.screened,
        })
      }
      return reply.code(200).send({
        status: 'completed' as const,
        screened: report.screened,
        changed: report.changed.map(({ applicationId, from, to }) => ({
          applicationId,
          from: { ...from },
          to: { ...to },
        })),
        notFound: [...report.notFound],
        policyVersion,
      })
    },
  )
}
