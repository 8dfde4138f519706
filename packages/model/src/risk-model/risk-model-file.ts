import type { PlattScaling } from '../calibration/platt-scaling.js'
import type { CalibrationReport } from '../evaluation/calibration-report.js'
import type { ModelEvaluation, ModelThresholds } from '../evaluation/evaluate-model.js'
import type { BoostingParameters } from '../gbt/boost-trees.js'
import type { DecisionTree } from '../gbt/decision-tree.js'

export const riskModelFormat = 'hirewall-risk-model'
export const riskModelFormatVersion = 1

/** Where the training labels came from; a model trained on a generated world says so. */
export type TrainingLabels =
  | {
      readonly source: 'generated-world'
      /** The generated world's ground truth (`label.isFraud`), not analyst decisions. */
      readonly description: string
      /** Set when the world was generated for this training run. */
      readonly world: { readonly seed: number; readonly count: number } | null
      /** Labelled files the examples were read from, when they came from files. */
      readonly files: readonly string[]
    }
  | {
      readonly source: 'analyst-decisions'
      readonly description: string
      readonly files: readonly string[]
      /** Applications labelled 1 (confirmed fraud) and 0 (cleared). */
      readonly confirmedFraud: number
      readonly cleared: number
      /** Applications left out: the latest decision was `needs-verification`, or there was none. */
      readonly needsVerification: number
      readonly undecided: number
    }

/** One fold of the time-ordered split. */
export type FoldSummary = {
  readonly applications: number
  readonly fraud: number
  /** Submission times of the first and last application of the fold (ISO 8601). */
  readonly from: string | null
  readonly to: string | null
}

/** The contribution of one feature over the held-out applications, for the model card. */
export type FeatureImportance = { readonly feature: string; readonly meanAbsoluteContribution: number }

/**
 * A trained risk model as saved in the models directory (`<version>.json`). Everything needed to score and explain
 * is here (features, trees, calibration, thresholds); the rest documents how it was made and how well it did.
 */
export type RiskModelFile = {
  readonly format: typeof riskModelFormat
  readonly formatVersion: typeof riskModelFormatVersion
  /** `risk-<UTC date>-<time>-<first 8 hex digits of the content hash>`: same data and seed, same hash. */
  readonly version: string
  readonly createdAt: string
  /** The seed of row and feature subsampling. */
  readonly seed: string
  /** Feature names in the order the trees number them. */
  readonly features: readonly string[]
  readonly labels: TrainingLabels
  readonly training: {
    /** The scoring policy whose signals and outcomes the model was trained and compared against. */
    readonly policyVersion: string
    readonly split: {
      readonly method: 'time-ordered'
      readonly train: FoldSummary
      readonly calibration: FoldSummary
      readonly test: FoldSummary
    }
    readonly parameters: BoostingParameters
    readonly treeCount: number
    /** Calibration of the raw margins on the held-out fold, before Platt scaling (after: `evaluation.calibration`). */
    readonly calibrationBeforeScaling: CalibrationReport
    readonly featureImportance: readonly FeatureImportance[]
    /** Wall-clock times of the run that made the model, when the caller measured them (not part of the hash). */
    readonly timings?: { readonly screeningMs?: number; readonly trainingMs?: number }
  }
  /** The log-odds margin before any tree: the training base rate. */
  readonly baseMargin: number
  readonly trees: readonly DecisionTree[]
  readonly calibration: PlattScaling
  readonly thresholds: ModelThresholds
  /** Rules, model and both on the held-out (latest) fold, with calibration, fairness and the score distribution. */
  readonly evaluation: ModelEvaluation
}
