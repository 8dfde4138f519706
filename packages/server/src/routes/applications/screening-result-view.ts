import { outcomes, severities } from '@hirewall/core'
import { screeningTriggers, type ModelAssessment, type StoredScreeningResult } from '@hirewall/store'
import { z } from 'zod'

/** One signal of a result with its evidence and what it added to the score. */
export const scoredSignalViewSchema = z
  .object({
    code: z.string().describe('A stable signal code (docs/signals.md), e.g. `phone.voip`.'),
    severity: z.enum(severities),
    message: z.string().describe('A sentence an analyst understands.'),
    evidence: z
      .record(z.string(), z.unknown())
      .describe('Structured facts: the value as typed, the other application ids, the list entry matched...'),
    category: z.string(),
    weight: z.number(),
    contribution: z.number().describe("Points of the score this signal accounts for; a result's add up to its score."),
  })
  .meta({ id: 'ScoredSignal' })

/** What one feature did to the model's estimate, in a sentence an analyst reads. */
export const modelContributionViewSchema = z
  .object({
    feature: z.string().describe('The model feature, e.g. `link.shared.address.other-people` (docs/model.md).'),
    kind: z
      .string()
      .describe('`signal` (a rule signal), `category` (signals counted by family) or `link` (the identity graph).'),
    value: z.number().describe("The feature's value for this application."),
    contribution: z.number().describe('In log-odds: positive raises the estimate, +0.7 about doubles the odds.'),
    signalCode: z.string().nullable().describe('The rule signal the feature reads, to show the two side by side.'),
    sentence: z.string(),
  })
  .meta({ id: 'ModelContribution' })

/** The risk model's estimate next to the rules' score. */
export const modelAssessmentViewSchema = z
  .object({
    modelVersion: z.string(),
    probability: z.number().describe('Calibrated probability of fraud, 0 to 1.'),
    score: z.number().describe("The probability on the rules' 0-100 scale."),
    outcome: z
      .enum(outcomes)
      .describe("The model's own outcome at its thresholds; the result's `outcome` is how it combined with the rules."),
    baselineProbability: z.number().describe('The probability for an average application.'),
    summary: z.string().describe('The estimate in a sentence.'),
    contributions: z.array(modelContributionViewSchema).describe('The largest effects first.'),
  })
  .meta({ id: 'ModelAssessment' })

/** One version of an application's screening, complete. */
export const screeningResultViewSchema = z
  .object({
    applicationId: z.string(),
    version: z.number().int().describe('1 for the first screening; each re-screening adds one.'),
    trigger: z.enum(screeningTriggers),
    score: z.number(),
    outcome: z.enum(outcomes),
    holdGate: z.enum(['met', 'not-met', 'not-reached']).describe('Why a score past the hold threshold stayed review.'),
    signals: z.array(scoredSignalViewSchema).describe('Largest contribution first.'),
    clusterId: z.string().nullable(),
    policyVersion: z.string(),
    modelVersion: z.string().nullable(),
    model: modelAssessmentViewSchema
      .nullable()
      .describe(
        'The risk model, when one was active: it may raise clear to review, never to hold (docs/scoring.md). Null while the rules alone decide.',
      ),
    dataVersions: z.record(z.string(), z.string()).describe('The reference data used, by source name.'),
    detectorFailures: z.array(z.object({ detector: z.string(), message: z.string() })),
    screenedAt: z.iso.datetime(),
  })
  .meta({ id: 'StoredScreeningResult' })

/** A version in an application's history: what changed, without the evidence. */
export const resultVersionViewSchema = z
  .object({
    version: z.number().int(),
    trigger: z.enum(screeningTriggers),
    score: z.number(),
    outcome: z.enum(outcomes),
    signalCodes: z.array(z.string()),
    policyVersion: z.string(),
    modelVersion: z.string().nullable(),
    dataVersions: z.record(z.string(), z.string()),
    screenedAt: z.iso.datetime(),
  })
  .meta({ id: 'ScreeningResultVersion' })

export type ScreeningResultView = z.infer<typeof screeningResultViewSchema>
export type ResultVersionView = z.infer<typeof resultVersionViewSchema>

export function toScreeningResultView(result: StoredScreeningResult): ScreeningResultView {
  return {
    applicationId: result.applicationId,
    version: result.version,
    trigger: result.trigger,
    score: result.score,
    outcome: result.outcome,
    holdGate: result.holdGate,
    signals: result.signals.map((signal) => ({
      code: signal.code,
      severity: signal.severity,
      message: signal.message,
      evidence: { ...signal.evidence },
      category: signal.category,
      weight: signal.weight,
      contribution: signal.contribution,
    })),
    clusterId: result.clusterId ?? null,
    policyVersion: result.policyVersion,
    modelVersion: result.modelVersion,
    model: result.model === undefined ? null : toModelAssessmentView(result.model),
    dataVersions: { ...result.dataVersions },
    detectorFailures: result.detectorFailures.map(({ detector, message }) => ({ detector, message })),
    screenedAt: result.createdAt.toISOString(),
  }
}

export function toResultVersionView(result: StoredScreeningResult): ResultVersionView {
  return {
    version: result.version,
    trigger: result.trigger,
    score: result.score,
    outcome: result.outcome,
    signalCodes: [...new Set(result.signals.map((signal) => signal.code))],
    policyVersion: result.policyVersion,
    modelVersion: result.modelVersion,
    dataVersions: { ...result.dataVersions },
    screenedAt: result.createdAt.toISOString(),
  }
}

function toModelAssessmentView(model: ModelAssessment): z.infer<typeof modelAssessmentViewSchema> {
  return {
    modelVersion: model.modelVersion,
    probability: model.probability,
    score: model.score,
    outcome: model.outcome,
    baselineProbability: model.baselineProbability,
    summary: model.summary,
    contributions: model.contributions.map((contribution) => ({
      feature: contribution.feature,
      kind: contribution.kind,
      value: contribution.value,
      contribution: contribution.contribution,
      signalCode: contribution.signalCode ?? null,
      sentence: contribution.sentence,
    })),
  }
}
