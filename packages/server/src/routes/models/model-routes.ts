import { outcomes } from '@hirewall/core'
import { parseRiskModelFile } from '@hirewall/model'
import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { defaultBacktestSample, maxBacktestSample } from '../../backtest/replay-stored-outcomes.js'
import { jobStates } from '../../jobs/job-queue.js'
import { modelBacktestAuditDetails, type ModelBacktestJobs } from '../../jobs/model-backtest/model-backtest-jobs.js'
import { backtestLabels, type ModelBacktestReport } from '../../models/backtest-model.js'
import { backtestStoredModel, loadBacktestCandidate } from '../../models/backtest-stored-model.js'
import { maxSynchronousBacktest } from '../policy/policy-routes.js'
import { checkPromotion, defaultPromotionWorldCount, type PromotionCheckOptions } from '../../models/promotion-check.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { actorLabel } from '../audit/actor-label.js'
import {
  activeModelViewSchema,
  modelCardViewSchema,
  modelListingViewSchema,
  toActiveModelView,
  toModelCardView,
  toModelListingView,
} from './model-card-view.js'

export type ModelRoutesOptions = {
  readonly store: Store
  /** The policy and reference data the promotion gate screens its evaluation world with. */
  readonly screening: ScreeningService
  /** Applications in the promotion gate's generated world (default 20,000, as `hirewall model promote`). */
  readonly promotionWorldCount?: number
  /** Runs backtests of more than `maxSynchronousBacktest` applications in the background; without it they all run inline. */
  readonly backtestJobs?: ModelBacktestJobs | undefined
  /** The most stored applications a backtest replays while the caller waits (default: the policy backtest's, 20,000). */
  readonly maxSynchronousBacktest?: number | undefined
}

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
}
const params = z.object({
  version: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be a model version such as risk-20261123-150210-5c1e0a9b')
    .describe('The model version.'),
})
const promotionCheckSchema = z.object({
  name: z.enum(['fairness', 'quality']),
  status: z.enum(['passed', 'failed']),
  messages: z.array(z.string()),
})
const promotedSchema = z
  .object({
    active: activeModelViewSchema,
    checks: z.array(promotionCheckSchema),
    evaluatedOn: z.object({ kind: z.literal('generated-world'), seed: z.number().int(), count: z.number().int() }),
  })
  .meta({ id: 'ModelPromoted' })

const labelCounts = z.object({ fraud: z.number().int(), legitimate: z.number().int(), unlabelled: z.number().int() })
const outcomeCounts = z.object({ clear: z.number().int(), review: z.number().int(), hold: z.number().int() })
const backtestSide = z.object({
  outcome: z.enum(outcomes),
  score: z.number().describe("The rules' score."),
  modelScore: z
    .number()
    .nullable()
    .describe("The model's score (its probability on the 0-100 scale); null without one."),
})
const modelBacktestReport = z
  .object({
    modelVersion: z.string().nullable().describe('The candidate; null for the rules alone.'),
    activeModelVersion: z.string().nullable().describe('The model active when the backtest ran.'),
    policyVersion: z.string().describe('The published policy the rules were scored with.'),
    applications: z.number().int().describe('Stored applications with a result: every one was replayed.'),
    changed: z.number().int().describe('How many would get another outcome.'),
    matrix: z
      .object({ clear: outcomeCounts, review: outcomeCounts, hold: outcomeCounts })
      .describe('Applications by stored outcome (first key) and the replayed outcome (second key).'),
    newlyFlagged: labelCounts.describe("Clear now, flagged by the candidate, by the analysts' label."),
    newlyCleared: labelCounts.describe("Flagged now, clear with the candidate, by the analysts' label."),
    labelled: z.number().int().describe('Replayed applications with an analyst label.'),
    withoutLinkFacts: z
      .number()
      .int()
      .describe('Results stored without link facts: the rules alone decide them in the replay.'),
    scoredWithOtherPolicy: z.number().int().describe('Stored results scored by another policy than the published one.'),
    scoredWithOtherModel: z.number().int().describe('Stored results scored by another model than the active one.'),
    sample: z
      .array(
        z.object({ applicationId: z.string(), label: z.enum(backtestLabels), from: backtestSide, to: backtestSide }),
      )
      .describe('Changed applications, largest score change first.'),
    durationMs: z.number().int(),
  })
  .meta({ id: 'ModelBacktest' })
const modelBacktestCompleted = modelBacktestReport
  .extend({ status: z.literal('completed') })
  .meta({ id: 'ModelBacktestCompleted' })
const modelBacktestQueued = z
  .object({
    status: z.literal('queued'),
    jobId: z.string(),
    applications: z.number().int().describe('Stored applications the job will replay.'),
  })
  .meta({ id: 'ModelBacktestQueued' })
const modelBacktestJobView = z
  .object({
    jobId: z.string(),
    state: z.enum(jobStates),
    report: modelBacktestReport.nullable().describe('Once the job completed.'),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'ModelBacktestJob' })
const backtestBody = z
  .strictObject({
    sampleSize: z
      .number()
      .int()
      .min(0)
      .max(maxBacktestSample)
      .optional()
      .describe(`Changed applications to list (default ${defaultBacktestSample}).`),
  })
  .optional()

/** The report as JSON: the sample's readonly array copied for the response schema. */
const toBacktestView = (report: ModelBacktestReport) => ({ ...report, sample: [...report.sample] })

/**
 * The risk model's administration: the stored models and the active one (`GET /v1/models`), a model card
 * (`GET /v1/models/:version`), a backtest of any stored model (or `none`, the rules alone) over the stored
 * applications (`POST /v1/models/:version/backtest`, in the background above `maxSynchronousBacktest`), promotion through the quality and fairness gate (`POST /v1/models/:version/promote`,
 * 409 with the failed checks) and instant rollback (`POST /v1/models/rollback`). Reading needs `applications.read`
 * (a model card holds no personal data); changing the active model needs `policy.manage`. Changes are audit-logged.
 */
export function registerModelRoutes(app: FastifyInstance, options: ModelRoutesOptions): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()

  typed.get(
    '/v1/models',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['models'],
        summary: 'The stored risk models, oldest first, and the active one with its promotion log',
        response: {
          200: z.object({ active: activeModelViewSchema.nullable(), models: z.array(modelListingViewSchema) }),
          ...errors,
        },
      },
    },
    async () => {
      const [active, models] = await Promise.all([store.models.active(), store.models.list()])
      return {
        active: active === undefined ? null : toActiveModelView(active),
        models: models.map((model) => toModelListingView(model, active?.version)),
      }
    },
  )

  typed.get(
    '/v1/models/:version',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['models'],
        summary: 'A model card: training data, held-out metrics, PR curves, calibration points and fairness',
        params,
        response: { 200: modelCardViewSchema, ...errors },
      },
    },
    async (request) => {
      const { version } = request.params
      const [stored, activeVersion] = await Promise.all([store.models.find(version), store.models.activeVersion()])
      if (stored === undefined)
        throw new ApiError('NOT_FOUND', `No stored model ${version}.`, { path: 'params.version' })
      const parsed = parseRiskModelFile(stored.file)
      if (parsed.status !== 'valid') {
        throw new ApiError('CONFLICT', `Model ${version} is stored but no longer passes the model file checks.`, {
          path: 'params.version',
          issues: parsed.issues,
        })
      }
      return toModelCardView(parsed.file, version === activeVersion)
    },
  )

  // Registered before `/:version/promote`, so "rollback" is never read as a version.
  typed.post(
    '/v1/models/rollback',
    {
      preHandler: requirePermission('policy.manage'),
      schema: {
        tags: ['models'],
        summary: 'Return at once to the model active before the last promotion',
        description: 'No measuring: the previous model passed its gate when it was promoted. Audit-logged.',
        body: z.strictObject({ note: z.string().trim().max(500).optional() }).optional(),
        response: { 200: z.object({ active: activeModelViewSchema, previous: z.string() }), ...errors },
      },
    },
    async (request) => {
      const actor = actorLabel(request)
      const note = request.body?.note
      const outcome = await store.transaction(async (repositories) => {
        const previous = await repositories.models.activeVersion()
        const state = await repositories.models.rollback(actor, note)
        if (state === undefined) return { previous }
        await repositories.audit.append({
          actor,
          action: 'model.rolled-back',
          target: `model:${state.version}`,
          details: { from: previous ?? null, to: state.version, ...(note === undefined ? {} : { note }) },
        })
        return { previous, state }
      })
      if (outcome.state === undefined) {
        throw new ApiError(
          'CONFLICT',
          outcome.previous === undefined
            ? 'No model is active: nothing to roll back.'
            : `Nothing to roll back to: ${outcome.previous} is the only model promoted.`,
          {},
        )
      }
      return { active: toActiveModelView(outcome.state), previous: outcome.previous ?? '' }
    },
  )

  typed.post(
    '/v1/models/:version/backtest',
    {
      preHandler: requirePermission('policy.manage'),
      schema: {
        tags: ['models'],
        summary: 'Replay a stored model (or none: the rules alone) over the stored applications',
        description:
          "Each stored application's latest signals are scored under the published policy and, with the candidate, " +
          'its features rebuilt from those signals and the link facts stored with the result (the identity graph as ' +
          'of linking), combined as screening combines them; the outcome is compared with the stored one and counted ' +
          "by the analysts' decisions. Detectors and linking are not run again. `none` replays the rules alone. Above " +
          'the synchronous limit the backtest is queued (202) and read with `GET /v1/models/backtests/{jobId}`. ' +
          'Nothing is written but the audit entry `model.backtested`.',
        params,
        body: backtestBody,
        response: { 200: modelBacktestCompleted, 202: modelBacktestQueued, ...errors },
      },
    },
    async (request, reply) => {
      const { version } = request.params
      const actor = actorLabel(request)
      const sampleSize = request.body?.sampleSize
      const candidate = await loadBacktestCandidate(store, version)
      if (candidate.status === 'not-found') {
        throw new ApiError('NOT_FOUND', `No stored model ${version}.`, { path: 'params.version' })
      }
      if (candidate.status === 'invalid') throw new ApiError('CONFLICT', candidate.message, { path: 'params.version' })
      const applications = await store.policyVersions.screenedCount()
      if (
        options.backtestJobs !== undefined &&
        applications > (options.maxSynchronousBacktest ?? maxSynchronousBacktest)
      ) {
        const { jobId } = await options.backtestJobs.start({
          version,
          actor,
          ...(sampleSize === undefined ? {} : { sampleSize }),
        })
        return reply.code(202).send({ status: 'queued' as const, jobId, applications })
      }
      const outcome = await backtestStoredModel(store, version, {
        fallbackPolicy: options.screening.configuration().policy,
        sampleSize,
      })
      // Loaded a moment ago: only a model deleted or broken in between ends here.
      if (outcome.status !== 'completed')
        throw new ApiError('CONFLICT', `Model ${version} changed during the backtest.`, {})
      await store.audit.append({
        actor,
        action: 'model.backtested',
        target: `model:${version}`,
        details: modelBacktestAuditDetails(outcome.report),
      })
      return reply.code(200).send({ status: 'completed' as const, ...toBacktestView(outcome.report) })
    },
  )

  typed.get(
    '/v1/models/backtests/:jobId',
    {
      preHandler: requirePermission('policy.manage'),
      schema: {
        tags: ['models'],
        summary: 'A background model backtest: its state and, once completed, its report',
        params: z.object({ jobId: z.string().min(1).max(100) }),
        response: { 200: modelBacktestJobView, ...errors },
      },
    },
    async (request) => {
      const found = await options.backtestJobs?.find(request.params.jobId)
      if (found === undefined) throw new ApiError('NOT_FOUND', 'No background model backtest has this id.', {})
      return {
        jobId: found.jobId,
        state: found.state,
        report: found.report === null ? null : toBacktestView(found.report),
        createdAt: found.createdAt.toISOString(),
        completedAt: found.completedAt?.toISOString() ?? null,
      }
    },
  )

  typed.post(
    '/v1/models/:version/promote',
    {
      preHandler: requirePermission('policy.manage'),
      schema: {
        tags: ['models'],
        summary: 'Make a stored model the active one, if it passes the quality and fairness gate',
        description:
          'Measures the candidate and the active model on the same generated world (a seed neither trained on) as ' +
          '`hirewall model promote` does: blocked (409, with each check in `details.checks`) when its false-positive ' +
          'rates across groups of legitimate applicants differ by more than the bound, or its PR-AUC is below the ' +
          "active model's (the rules' when none is active) by more than the tolerance. Takes seconds. Audit-logged.",
        params,
        body: z.strictObject({ note: z.string().trim().max(500).optional() }).optional(),
        response: { 200: promotedSchema, ...errors },
      },
    },
    async (request) => {
      const { version } = request.params
      const actor = actorLabel(request)
      const config = options.screening.configuration()
      const checkOptions: PromotionCheckOptions = {
        policy: config.policy,
        reference: config.reference,
        worldCount: options.promotionWorldCount ?? defaultPromotionWorldCount,
      }
      const check = await checkPromotion(store, version, checkOptions)
      switch (check.status) {
        case 'not-found':
          throw new ApiError('NOT_FOUND', `No stored model ${version}.`, { path: 'params.version' })
        case 'invalid':
          throw new ApiError('CONFLICT', check.message, { path: 'params.version' })
        case 'already-active':
          throw new ApiError('CONFLICT', `${version} is already the active model.`, { path: 'params.version' })
        case 'checked':
          break
      }
      const checks = check.decision.checks.map((entry) => ({ ...entry, messages: [...entry.messages] }))
      const details = { version, checks, evaluatedOn: check.evaluatedOn }
      if (check.decision.status === 'blocked') {
        await store.audit.append({ actor, action: 'model.promotion-blocked', target: `model:${version}`, details })
        const failed = checks.filter((entry) => entry.status === 'failed').map((entry) => entry.name)
        throw new ApiError(
          'CONFLICT',
          `Model ${version} was not promoted: the ${failed.join(' and ')} check failed. The active model stays ${check.active?.version ?? 'none (rules alone)'}.`,
          details,
        )
      }
      const note = request.body?.note
      const state = await store.transaction(async (repositories) => {
        const promoted = await repositories.models.promote(
          version,
          actor,
          note ?? `gate passed on a generated world (seed ${check.evaluatedOn.seed}, ${check.evaluatedOn.count})`,
        )
        await repositories.audit.append({
          actor,
          action: 'model.promoted',
          target: `model:${version}`,
          details: { ...details, previous: check.active?.version ?? null },
        })
        return promoted
      })
      return { active: toActiveModelView(state), checks, evaluatedOn: check.evaluatedOn }
    },
  )
}
