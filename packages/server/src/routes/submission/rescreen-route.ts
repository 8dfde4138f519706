import { outcomes } from '@hirewall/core'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { jobStates, type JobState } from '../../jobs/job-queue.js'
import type { RescreenJobData } from '../../screening/run-rescreen.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { actorLabel } from '../audit/actor-label.js'
import { screeningErrorResponse } from './screening-error-response.js'

/** The most applications one request re-screens while the caller waits; more go through a background job. */
export const maxSynchronousRescreen = 100

/** A background re-screening as `GET /v1/rescreen/:jobId` reports it. */
export type RescreenJobView = {
  readonly jobId: string
  readonly state: JobState
  /** Re-screened and changed so far (saved after each page; the final figures once completed). */
  readonly screened: number
  readonly changedCount: number
  /** Once completed: the first changes (each also had its own event) and ids asked for that were not stored. */
  readonly changed: readonly { readonly applicationId: string; readonly from: Scored; readonly to: Scored }[]
  readonly notFound: readonly string[]
  readonly attempts: number
  readonly createdAt: Date
  readonly startedAt: Date | null
  readonly completedAt: Date | null
}
type Scored = { readonly outcome: (typeof outcomes)[number]; readonly score: number }

/** Starts a background re-screening (a job queue puts `runRescreen` on it); answers with the job's id. */
export type RescreenJobStarter = {
  start(data: RescreenJobData): Promise<{ readonly jobId: string }>
  /** The job's state and progress, or `undefined` when no re-screening has this id. */
  find?(jobId: string): Promise<RescreenJobView | undefined>
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

const jobView = z
  .object({
    jobId: z.string(),
    state: z.enum(jobStates).describe('`created` and `retry` wait, `active` runs; the others have ended.'),
    screened: z.number().int().describe('Applications re-screened so far (the total once completed).'),
    changedCount: z.number().int().describe('Of those, how many changed outcome.'),
    changed: z
      .array(z.object({ applicationId: z.string(), from: scoreAndOutcome, to: scoreAndOutcome }))
      .describe('Once completed: the first 1,000 changes (each also had a `screening.outcome_changed` event).'),
    notFound: z.array(z.string()),
    attempts: z.number().int().describe('Attempts so far; a retried attempt resumes after the last page done.'),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'RescreenJob' })

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  503: errorResponseSchema,
}

/**
 * `GET /v1/rescreen/:jobId` (`policy.manage`): a background re-screening's state and progress (started here, by a
 * policy publication or a watchlist change).
 */
function registerRescreenStatusRoute(app: FastifyInstance, jobs: RescreenJobStarter | undefined): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/rescreen/:jobId',
    {
      preHandler: requirePermission('policy.manage'),
      schema: {
        tags: ['applications'],
        summary: 'A background re-screening: its state, progress and, once completed, the changed outcomes',
        params: z.object({ jobId: z.string().min(1).max(100) }),
        response: { 200: jobView, 404: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const found = await jobs?.find?.(request.params.jobId)
      if (found === undefined) {
        throw new ApiError('NOT_FOUND', 'No background re-screening has this id.', { target: 'params.jobId' })
      }
      return {
        ...found,
        changed: found.changed.map(({ applicationId, from, to }) => ({
          applicationId,
          from: { ...from },
          to: { ...to },
        })),
        notFound: [...found.notFound],
        createdAt: found.createdAt.toISOString(),
        startedAt: found.startedAt?.toISOString() ?? null,
        completedAt: found.completedAt?.toISOString() ?? null,
      }
    },
  )
}

/**
 * `POST /v1/rescreen` (`policy.manage`): re-screens with the current policy and reference data. A list of ids runs
 * while the caller waits; without one, every application is re-screened by a background job when the server has a
 * job queue, and `GET /v1/rescreen/:jobId` reports it. The pass is written to the audit log (`applications.rescreened`)
 * with the caller.
 */
export function registerRescreenRoute(
  app: FastifyInstance,
  options: { readonly screening: ScreeningService; readonly rescreenJobs?: RescreenJobStarter | undefined },
): void {
  registerRescreenStatusRoute(app, options.rescreenJobs)
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
