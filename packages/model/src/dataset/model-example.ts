import {
  scoreSignals,
  type ApplicationRecord,
  type Outcome,
  type ScoringPolicy,
  type ScreeningResult,
} from '@hirewall/core'
import { measurementGroups, type MeasurementGroups } from '../evaluation/measurement-groups.js'
import { extractFeatures } from '../features/extract-features.js'
import type { LinkFacts } from '../features/link-facts.js'

/** A label for learning: 1 confirmed fraud, 0 cleared, null unknown (never decided, or only "needs verification"). */
export type ModelLabel = 0 | 1 | null

/**
 * One screened application as training and evaluation see it: the model's features, the label, what the rules
 * decided (to compare with), and the groups the fairness report measures by (never features).
 */
export type ModelExample = {
  readonly applicationId: string
  readonly submittedAtMs: number
  readonly features: Float64Array
  readonly label: ModelLabel
  readonly rules: { readonly score: number; readonly outcome: Outcome }
  /** The rules' verdict under another policy, when a policy change is being replayed (a backtest's "before"). */
  readonly baselineRules?: { readonly score: number; readonly outcome: Outcome }
  readonly groups: MeasurementGroups
  /** The persona cluster when the application was linked, for labels decided on a whole cluster. */
  readonly clusterId?: string
}

export function toModelExample(
  record: ApplicationRecord,
  result: ScreeningResult,
  link: LinkFacts | null,
  label: ModelLabel,
  baselinePolicy?: ScoringPolicy,
): ModelExample {
  const submittedAtMs = Date.parse(record.submittedAt)
  // The signals do not depend on the policy: replaying another one is a rescoring, not a rescreening.
  const baseline = baselinePolicy ? scoreSignals(result.signals, baselinePolicy) : undefined
  return {
    applicationId: record.id,
    submittedAtMs: Number.isFinite(submittedAtMs) ? submittedAtMs : 0,
    features: extractFeatures({ result, link }),
    label,
    rules: { score: result.score, outcome: result.outcome },
    ...(baseline ? { baselineRules: { score: baseline.score, outcome: baseline.outcome } } : {}),
    groups: measurementGroups(record),
    ...(result.clusterId === undefined ? {} : { clusterId: result.clusterId }),
  }
}

/** The ground truth of a generated world's record (`label.isFraud`), or null for a record without one. */
export function syntheticLabel(record: ApplicationRecord): ModelLabel {
  if (!record.label) return null
  return record.label.isFraud ? 1 : 0
}
