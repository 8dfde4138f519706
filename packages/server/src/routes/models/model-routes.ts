import { parseRiskModelFile } from '@hirewall/model'
import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
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

/**
 * The risk model's administration: the stored models and the active one (`GET /v1/models`), a model card
 * (`GET /v1/models/:version`), promotion through the quality and fairness gate (`POST /v1/models/:version/promote`,
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
