import { outcomes, validateScoringPolicy, type ScoringPolicy, type ValidationIssue } from '@hirewall/core'
import { StoreError, type Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { jobStates } from '../../jobs/job-queue.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import type { ValidationIssueDetail } from '../../errors/to-api-error.js'
import type { PolicyBacktestJobs } from '../../jobs/policy-backtest/policy-backtest-jobs.js'
import { backtestPolicy, defaultBacktestSample, maxBacktestSample } from '../../policy/backtest-policy.js'
import { scoringPolicyOf } from '../../screening/published-policy.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { actorLabel } from '../audit/actor-label.js'
import type { RescreenJobStarter } from '../submission/rescreen-route.js'
import { policyDocumentSchema, policyVersionViewSchema, toPolicyVersionView } from './policy-version-view.js'

/** Options of {@link registerPolicyRoutes}. */
export type PolicyRoutesOptions = {
  readonly store: Store
  /** Reconfigured with a policy as soon as it is published (other processes read it under their next batch's lock). */
  readonly screening: Pick<ScreeningService, 'reconfigure'>
  /** Re-screens every application after a publish; without it the publish answers `rescreen.status: 'not-queued'`. */
  readonly rescreenJobs?: RescreenJobStarter | undefined
  /** Runs backtests of more than `maxSynchronousBacktest` applications in the background; without it they all run inline. */
  readonly backtestJobs?: PolicyBacktestJobs | undefined
  /** The most stored applications a backtest replays while the caller waits (default {@link maxSynchronousBacktest}). */
  readonly maxSynchronousBacktest?: number | undefined
}

/**
 * The most applications a backtest replays while the caller waits: a few seconds on PGlite (docs/api.md has the
 * measurements); a larger store is backtested by a background job.
 */
export const maxSynchronousBacktest = 20_000

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
const versionParams = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) })
const noteSchema = z.string().trim().min(1).max(2000)

const draftBody = z.strictObject({
  policy: policyDocumentSchema,
  note: noteSchema.optional().describe('Why this version: shown in the history.'),
})
const backtestBody = z.strictObject({
  policy: policyDocumentSchema,
  sampleSize: z
    .number()
    .int()
    .min(0)
    .max(maxBacktestSample)
    .optional()
    .describe(`Changed applications to list (default ${defaultBacktestSample}).`),
})
const publishBody = z.strictObject({ note: noteSchema.optional() }).nullish()

const scoreAndOutcome = z.object({ outcome: z.enum(outcomes), score: z.number() })
const outcomeCounts = z.object({ clear: z.number().int(), review: z.number().int(), hold: z.number().int() })
const backtestReport = z
  .object({
    policyVersion: z.string().describe("The candidate's `version`."),
    publishedPolicyVersion: z.string().nullable(),
    applications: z.number().int().describe('Stored applications with a result: every one was replayed.'),
    changed: z.number().int().describe('How many would get another outcome.'),
    matrix: z
      .object({ clear: outcomeCounts, review: outcomeCounts, hold: outcomeCounts })
      .describe('Applications by stored outcome (first key) and the candidate outcome (second key).'),
    scoredWithOtherPolicy: z
      .number()
      .int()
      .describe('Stored results scored by another policy than the published one (not re-screened since).'),
    sample: z
      .array(z.object({ applicationId: z.string(), from: scoreAndOutcome, to: scoreAndOutcome }))
      .describe('Changed applications, largest score change first.'),
    durationMs: z.number().int(),
  })
  .meta({ id: 'PolicyBacktest' })
const backtestResponse = backtestReport
  .extend({ status: z.literal('completed') })
  .meta({ id: 'PolicyBacktestCompleted' })
const backtestQueued = z
  .object({
    status: z.literal('queued'),
    jobId: z.string(),
    applications: z.number().int().describe('Stored applications the job will replay.'),
  })
  .meta({ id: 'PolicyBacktestQueued' })
const backtestJobView = z
  .object({
    jobId: z.string(),
    state: z.enum(jobStates),
    report: backtestReport.nullable().describe('Once the job completed.'),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'PolicyBacktestJob' })
const publishResponse = z
  .object({
    published: policyVersionViewSchema,
    retired: policyVersionViewSchema.nullable(),
    rescreen: z
      .discriminatedUnion('status', [
        z.object({ status: z.literal('queued'), jobId: z.string() }),
        z.object({ status: z.literal('not-needed') }),
        z.object({ status: z.literal('not-queued'), reason: z.literal('no-job-queue') }),
      ])
      .describe('The background re-screening that brings stored results to the published policy.'),
  })
  .meta({ id: 'PolicyPublished' })

/**
 * The scoring policy's versions: anyone who may read applications sees the published policy and the history; admins
 * (`policy.manage`) backtest a candidate over the stored history, save drafts and publish. Publishing reconfigures this
 * process, is picked up by every other process under its next batch's lock, and queues a re-screening of every
 * application so changed outcomes emit `screening.outcome_changed`. Saving, backtesting and publishing are audit-logged.
 */
export function registerPolicyRoutes(app: FastifyInstance, options: PolicyRoutesOptions): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()
  const read = requirePermission('applications.read')
  const manage = requirePermission('policy.manage')

  typed.get(
    '/v1/policy',
    {
      preHandler: read,
      schema: {
        tags: ['policy'],
        summary: 'The published scoring policy, with its version',
        response: { 200: policyVersionViewSchema, 404: errorResponseSchema, ...errors },
      },
    },
    async () => {
      const published = await store.policyVersions.published()
      if (published === undefined) throw new ApiError('NOT_FOUND', 'No scoring policy has been published yet.', {})
      return toPolicyVersionView(published)
    },
  )

  typed.get(
    '/v1/policy/versions',
    {
      preHandler: read,
      schema: {
        tags: ['policy'],
        summary: 'Every saved policy version, newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: z.object({ items: z.array(policyVersionViewSchema) }), ...errors },
      },
    },
    async (request) => ({
      items: (await store.policyVersions.list({ limit: request.query.limit })).map(toPolicyVersionView),
    }),
  )

  typed.get(
    '/v1/policy/versions/:version',
    {
      preHandler: read,
      schema: {
        tags: ['policy'],
        summary: 'One policy version',
        params: versionParams,
        response: { 200: policyVersionViewSchema, 404: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const stored = await store.policyVersions.find(request.params.version)
      if (stored === undefined) throw new ApiError('NOT_FOUND', 'No such policy version.', {})
      return toPolicyVersionView(stored)
    },
  )

  typed.post(
    '/v1/policy/backtest',
    {
      preHandler: manage,
      schema: {
        tags: ['policy'],
        summary: 'Replay a candidate policy over the stored history: how many outcomes would change',
        description:
          "Each stored application's latest signals are scored again under the candidate (no detectors, no linking) " +
          'and compared with its stored outcome. Nothing is written but an audit entry.',
        body: backtestBody,
        response: { 200: backtestResponse, 202: backtestQueued, ...errors },
      },
    },
    async (request, reply) => {
      const candidate = validCandidate(request.body.policy)
      const actor = actorLabel(request)
      const applications = await store.policyVersions.screenedCount()
      if (
        options.backtestJobs !== undefined &&
        applications > (options.maxSynchronousBacktest ?? maxSynchronousBacktest)
      ) {
        const { jobId } = await options.backtestJobs.start({
          policy: candidate,
          actor,
          ...(request.body.sampleSize === undefined ? {} : { sampleSize: request.body.sampleSize }),
        })
        return reply.code(202).send({ status: 'queued' as const, jobId, applications })
      }
      const published = await store.policyVersions.published()
      const report = await backtestPolicy(store.policyVersions, candidate, {
        publishedPolicyVersion: published?.policyVersion,
        ...(request.body.sampleSize === undefined ? {} : { sampleSize: request.body.sampleSize }),
      })
      await store.audit.append({
        actor,
        action: 'policy.backtested',
        details: {
          policyVersion: candidate.version,
          applications: report.applications,
          changed: report.changed,
          listed: report.sample.length,
        },
      })
      return reply.code(200).send({
        status: 'completed' as const,
        ...report,
        publishedPolicyVersion: published?.policyVersion ?? null,
        sample: [...report.sample],
      })
    },
  )

  typed.get(
    '/v1/policy/backtests/:jobId',
    {
      preHandler: manage,
      schema: {
        tags: ['policy'],
        summary: 'A background backtest: its state and, once completed, its report',
        params: z.object({ jobId: z.string().min(1).max(100) }),
        response: { 200: backtestJobView, 404: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const found = await options.backtestJobs?.find(request.params.jobId)
      if (found === undefined) throw new ApiError('NOT_FOUND', 'No background backtest has this id.', {})
      return {
        jobId: found.jobId,
        state: found.state,
        report: found.report === null ? null : { ...found.report, sample: [...found.report.sample] },
        createdAt: found.createdAt.toISOString(),
        completedAt: found.completedAt?.toISOString() ?? null,
      }
    },
  )

  typed.post(
    '/v1/policy/versions',
    {
      preHandler: manage,
      schema: {
        tags: ['policy'],
        summary: 'Save a policy as a draft version',
        body: draftBody,
        response: { 201: policyVersionViewSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const policy = validCandidate(request.body.policy)
      const actor = actorLabel(request)
      const saved = await store
        .transaction(async (repositories) => {
          const draft = await repositories.policyVersions.saveDraft({
            policy,
            author: actor,
            note: request.body.note,
          })
          await repositories.audit.append({
            actor,
            action: 'policy.draft-saved',
            target: `policy-version:${draft.version}`,
            details: { version: draft.version, policyVersion: draft.policyVersion },
          })
          return draft
        })
        .catch((error: unknown) => {
          if (error instanceof StoreError && error.code === 'conflict') {
            throw new ApiError('CONFLICT', `${error.message}`, { path: 'body.policy.version', reason: 'version-taken' })
          }
          throw error
        })
      void reply.header('location', `/v1/policy/versions/${saved.version}`)
      return reply.code(201).send(toPolicyVersionView(saved))
    },
  )

  typed.post(
    '/v1/policy/versions/:version/publish',
    {
      preHandler: manage,
      schema: {
        tags: ['policy'],
        summary: 'Publish a version (a draft, or a retired one to roll back) and re-screen every application',
        params: versionParams,
        body: publishBody,
        response: { 200: publishResponse, 404: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorLabel(request)
      const outcome = await store.policyVersions
        .publish(request.params.version, { actor, note: request.body?.note })
        .catch((error: unknown) => {
          if (error instanceof StoreError && error.code === 'not-found') {
            throw new ApiError('NOT_FOUND', 'No such policy version.', {})
          }
          throw error
        })
      options.screening.reconfigure({ policy: scoringPolicyOf(outcome.published) })
      const rescreen = !outcome.isChange
        ? ({ status: 'not-needed' } as const)
        : options.rescreenJobs === undefined
          ? ({ status: 'not-queued', reason: 'no-job-queue' } as const)
          : ({ status: 'queued', jobId: (await options.rescreenJobs.start({ actor })).jobId } as const)
      return {
        published: toPolicyVersionView(outcome.published),
        retired: outcome.retired === undefined ? null : toPolicyVersionView(outcome.retired),
        rescreen,
      }
    },
  )
}

/** The candidate as a policy, or a 400 naming each field under `body.policy`. */
function validCandidate(document: Readonly<Record<string, unknown>>): ScoringPolicy {
  const validation = validateScoringPolicy(document)
  if (validation.status === 'valid') return validation.policy
  const issues = validation.issues.map(inPolicy)
  const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`
  throw new ApiError('VALIDATION_FAILED', `The policy has ${count}; see details.issues.`, { issues })
}

function inPolicy(issue: ValidationIssue): ValidationIssueDetail {
  return {
    path: issue.path === '(record)' ? 'body.policy' : `body.policy.${issue.path}`,
    message: issue.message,
    code: 'invalid_policy',
  }
}
