import { outcomes, severities } from '@hirewall/core'
import { screeningTriggers, type StoredScreeningResult } from '@hirewall/store'
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
