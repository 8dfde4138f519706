import type { Outcome } from '@hirewall/core'
import type { ModelExample } from '../dataset/model-example.js'
import { calibrationReport, type CalibrationReport } from './calibration-report.js'
import { fairnessReport, type FairnessBounds, type FairnessReport } from './fairness-report.js'
import {
  precisionRecallCurve,
  rankingMetrics,
  thresholdMetrics,
  type CurvePoint,
  type RankingMetrics,
  type ThresholdMetrics,
} from './ranking-metrics.js'
import { scoreDistribution, type ScoreDistribution } from './score-distribution.js'

/** The model's probabilities at which an application goes to review and to hold. */
export type ModelThresholds = { readonly review: number; readonly hold: number }

/** One way of scoring (rules, model, both) measured on labelled applications. */
export type ScorerReport = RankingMetrics & {
  /** Flagged = outcome review or hold. */
  readonly review: ThresholdMetrics
  /** Flagged = outcome hold. */
  readonly hold: ThresholdMetrics
  /** Precision and recall at every 5% of recall: the points of a PR plot. */
  readonly curve: readonly CurvePoint[]
}

export type ModelEvaluation = {
  readonly applications: number
  readonly fraud: number
  readonly legitimate: number
  /** Applications without a label: scored (they count in the score distribution), not measured. */
  readonly unlabelled: number
  /** The rules alone: ranked by the rules' score, decided by the rules' outcome. */
  readonly rules: ScorerReport
  /** The model alone: ranked by its probability, decided by its thresholds. */
  readonly model: ScorerReport
  /** Both: the stronger of the two outcomes, ranked by the larger of the rules' score / 100 and the probability. */
  readonly combined: ScorerReport
  /** The model's probabilities against what happened. */
  readonly calibration: CalibrationReport
  readonly fairness: {
    readonly model: FairnessReport
    readonly rules: FairnessReport
    readonly combined: FairnessReport
  }
  readonly scoreDistribution: ScoreDistribution
}

export function modelOutcome(probability: number, thresholds: ModelThresholds): Outcome {
  return probability >= thresholds.hold ? 'hold' : probability >= thresholds.review ? 'review' : 'clear'
}

/** The model scores next to the rules: the application gets the stronger of the two outcomes. */
export function combinedOutcome(rules: Outcome, model: Outcome): Outcome {
  return outcomeRank(model) > outcomeRank(rules) ? model : rules
}

function outcomeRank(outcome: Outcome): number {
  return outcome === 'hold' ? 2 : outcome === 'review' ? 1 : 0
}

function scorer(scores: Float64Array, outcomes: readonly Outcome[], labels: Uint8Array): ScorerReport {
  return {
    ...rankingMetrics(scores, labels),
    curve: precisionRecallCurve(scores, labels),
    review: thresholdMetrics(
      outcomes.map((outcome) => outcome !== 'clear'),
      labels,
    ),
    hold: thresholdMetrics(
      outcomes.map((outcome) => outcome === 'hold'),
      labels,
    ),
  }
}

/**
 * Measures the rules, the model and both on the same applications. `probabilities[i]` is the model's calibrated
 * probability for `examples[i]`.
 */
export function evaluateModel(
  examples: readonly ModelExample[],
  probabilities: ArrayLike<number>,
  thresholds: ModelThresholds,
  bounds: FairnessBounds,
): ModelEvaluation {
  if (probabilities.length !== examples.length) throw new Error('one probability per example is needed')
  const labelled: number[] = []
  examples.forEach((example, index) => {
    if (example.label !== null) labelled.push(index)
  })
  const labels = Uint8Array.from(labelled, (index) => (examples[index] as ModelExample).label ?? 0)
  const pick = (read: (example: ModelExample, index: number) => number): Float64Array =>
    Float64Array.from(labelled, (index) => read(examples[index] as ModelExample, index))
  const modelScores = pick((_, index) => probabilities[index] as number)
  const rulesScores = pick((example) => example.rules.score / 100)
  const combinedScores = pick((example, index) => Math.max(example.rules.score / 100, probabilities[index] as number))
  const outcomesOf = (choose: (example: ModelExample, index: number) => Outcome): Outcome[] =>
    labelled.map((index) => choose(examples[index] as ModelExample, index))
  const modelOutcomes = outcomesOf((_, index) => modelOutcome(probabilities[index] as number, thresholds))
  const rulesOutcomes = outcomesOf((example) => example.rules.outcome)
  const combinedOutcomes = outcomesOf((example, index) =>
    combinedOutcome(example.rules.outcome, modelOutcome(probabilities[index] as number, thresholds)),
  )
  const fairnessOf = (chosen: readonly Outcome[]): FairnessReport =>
    fairnessReport(
      labelled.map((index, position) => {
        const example = examples[index] as ModelExample
        return { label: example.label, outcome: chosen[position] as Outcome, groups: example.groups }
      }),
      bounds,
    )
  let fraud = 0
  for (const label of labels) fraud += label
  return {
    applications: examples.length,
    fraud,
    legitimate: labels.length - fraud,
    unlabelled: examples.length - labels.length,
    rules: scorer(rulesScores, rulesOutcomes, labels),
    model: scorer(modelScores, modelOutcomes, labels),
    combined: scorer(combinedScores, combinedOutcomes, labels),
    calibration: calibrationReport(modelScores, labels),
    fairness: {
      model: fairnessOf(modelOutcomes),
      rules: fairnessOf(rulesOutcomes),
      combined: fairnessOf(combinedOutcomes),
    },
    scoreDistribution: scoreDistribution(probabilities),
  }
}
