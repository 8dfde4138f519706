import type { RiskModelFile, ScorerReport } from '@hirewall/model'
import type { ActiveModelState, StoredModel } from '@hirewall/store'
import { z } from 'zod'

const share = z.number().nullable()
const curvePointSchema = z.object({ threshold: z.number(), precision: z.number(), recall: z.number() })
const thresholdSchema = z.object({
  flagged: z.number().int(),
  precision: share,
  recall: share,
  falsePositiveRate: share,
})
const scorerSchema = z.object({
  prAuc: share.describe('Area under the precision-recall curve (average precision).'),
  rocAuc: share,
  recallAtOnePercentFpr: share,
  review: thresholdSchema.describe('Flagged = review or hold.'),
  hold: thresholdSchema.describe('Flagged = hold.'),
  curve: z.array(curvePointSchema).describe('Precision and recall at every 5% of recall: the points of a PR plot.'),
})

export const modelActivationViewSchema = z.object({
  action: z.enum(['promote', 'rollback']),
  version: z.string().describe('The model active after this change.'),
  actor: z.string(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
})

export const activeModelViewSchema = z
  .object({
    version: z.string(),
    stack: z.array(z.string()).describe('Promoted versions, oldest first; a rollback returns to the one before last.'),
    log: z.array(modelActivationViewSchema).describe('Every promotion and rollback, oldest first.'),
  })
  .meta({ id: 'ActiveModel' })

export const modelListingViewSchema = z
  .object({
    version: z.string(),
    createdAt: z.iso.datetime(),
    labelSource: z.string().describe('`generated-world` or `analyst-decisions`.'),
    labelsDescription: z.string(),
    evaluationSummary: z.record(z.string(), z.unknown()).describe('Held-out PR-AUC of rules, model and both...'),
    storedBy: z.string(),
    storedAt: z.iso.datetime(),
    isActive: z.boolean(),
  })
  .meta({ id: 'ModelListing' })

/** The model card: what a person needs to judge a model before and after promoting it. */
export const modelCardViewSchema = z
  .object({
    version: z.string(),
    createdAt: z.iso.datetime(),
    isActive: z.boolean(),
    seed: z.string(),
    labels: z.record(z.string(), z.unknown()).describe('Where the labels came from, with a sentence (`description`).'),
    training: z.object({
      policyVersion: z.string(),
      split: z.record(z.string(), z.unknown()).describe('The time-ordered folds: train, calibration, test.'),
      treeCount: z.number().int(),
      parameters: z.record(z.string(), z.unknown()),
      featureImportance: z.array(z.object({ feature: z.string(), meanAbsoluteContribution: z.number() })),
      timings: z.record(z.string(), z.number()).nullable(),
    }),
    thresholds: z.object({ review: z.number(), hold: z.number() }),
    metrics: z
      .object({
        applications: z.number().int(),
        fraud: z.number().int(),
        legitimate: z.number().int(),
        rules: scorerSchema,
        model: scorerSchema,
        combined: scorerSchema,
      })
      .describe('On the held-out (latest) fold: rules alone, model alone, both.'),
    calibration: z.object({
      expectedCalibrationError: share,
      brierScore: share,
      bins: z
        .array(
          z.object({
            from: z.number(),
            to: z.number(),
            count: z.number().int(),
            meanPredicted: share,
            observedRate: share,
          }),
        )
        .describe('Predicted against observed per 10% bin: the points of a calibration plot.'),
    }),
    fairness: z.object({
      status: z.enum(['within', 'exceeds']),
      maxFalsePositiveGap: z.number(),
      minGroupSize: z.number().int(),
      dimensions: z.array(
        z.object({
          dimension: z.string(),
          isGated: z.boolean(),
          status: z.string(),
          falsePositiveGap: share,
          highest: z.string().nullable(),
          lowest: z.string().nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'ModelCard' })

export type ModelCardView = z.infer<typeof modelCardViewSchema>

export function toActiveModelView(state: ActiveModelState): z.infer<typeof activeModelViewSchema> {
  return {
    version: state.version,
    stack: [...state.stack],
    log: state.log.map((entry) => ({
      action: entry.action,
      version: entry.version,
      actor: entry.actor,
      note: entry.note,
      at: entry.at.toISOString(),
    })),
  }
}

export function toModelListingView(model: StoredModel, activeVersion: string | undefined) {
  return {
    version: model.version,
    createdAt: model.createdAt.toISOString(),
    labelSource: model.labelSource,
    labelsDescription: model.labelsDescription,
    evaluationSummary: { ...model.evaluationSummary },
    storedBy: model.storedBy,
    storedAt: model.storedAt.toISOString(),
    isActive: model.version === activeVersion,
  }
}

function scorerView(report: ScorerReport): z.infer<typeof scorerSchema> {
  return {
    prAuc: report.prAuc,
    rocAuc: report.rocAuc,
    recallAtOnePercentFpr: report.recallAtOnePercentFpr,
    review: { ...report.review },
    hold: { ...report.hold },
    curve: report.curve.map((point) => ({ ...point })),
  }
}

export function toModelCardView(file: RiskModelFile, isActive: boolean): ModelCardView {
  const { evaluation, training } = file
  const fairness = evaluation.fairness.model
  return {
    version: file.version,
    createdAt: new Date(file.createdAt).toISOString(),
    isActive,
    seed: file.seed,
    labels: { ...file.labels },
    training: {
      policyVersion: training.policyVersion,
      split: { ...training.split },
      treeCount: training.treeCount,
      parameters: { ...training.parameters },
      featureImportance: training.featureImportance.slice(0, 15).map((entry) => ({ ...entry })),
      timings: training.timings === undefined ? null : { ...training.timings },
    },
    thresholds: { ...file.thresholds },
    metrics: {
      applications: evaluation.applications,
      fraud: evaluation.fraud,
      legitimate: evaluation.legitimate,
      rules: scorerView(evaluation.rules),
      model: scorerView(evaluation.model),
      combined: scorerView(evaluation.combined),
    },
    calibration: {
      expectedCalibrationError: evaluation.calibration.expectedCalibrationError,
      brierScore: evaluation.calibration.brierScore,
      bins: evaluation.calibration.bins.map((bin) => ({ ...bin })),
    },
    fairness: {
      status: fairness.status,
      maxFalsePositiveGap: fairness.maxFalsePositiveGap,
      minGroupSize: fairness.minGroupSize,
      dimensions: fairness.dimensions.map((dimension) => ({
        dimension: dimension.dimension,
        isGated: dimension.isGated,
        status: dimension.status,
        falsePositiveGap: dimension.falsePositiveGap,
        highest: dimension.highest,
        lowest: dimension.lowest,
      })),
    },
  }
}
