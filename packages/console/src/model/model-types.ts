import type { Outcome } from '../api/api-types'

/** What one feature did to the model's estimate (`GET /v1/applications/:id`, `latestResult.model`). */
export type ModelContribution = {
  readonly feature: string
  readonly kind: string
  readonly value: number
  /** In log-odds: positive raises the estimate. */
  readonly contribution: number
  readonly signalCode: string | null
  readonly sentence: string
}

/** The risk model's estimate next to the rules' score. */
export type ModelAssessment = {
  readonly modelVersion: string
  readonly probability: number
  readonly score: number
  readonly outcome: Outcome
  readonly baselineProbability: number
  readonly summary: string
  readonly contributions: readonly ModelContribution[]
}

export type ModelActivation = {
  readonly action: 'promote' | 'rollback'
  readonly version: string
  readonly actor: string
  readonly note: string | null
  readonly at: string
}

export type ActiveModel = {
  readonly version: string
  readonly stack: readonly string[]
  readonly log: readonly ModelActivation[]
}

export type ModelListing = {
  readonly version: string
  readonly createdAt: string
  readonly labelSource: string
  readonly labelsDescription: string
  readonly evaluationSummary: Readonly<Record<string, unknown>>
  readonly storedBy: string
  readonly storedAt: string
  readonly isActive: boolean
}

export type CurvePoint = { readonly threshold: number; readonly precision: number; readonly recall: number }

type Share = number | null
type ThresholdMetrics = {
  readonly flagged: number
  readonly precision: Share
  readonly recall: Share
  readonly falsePositiveRate: Share
}

export type ScorerMetrics = {
  readonly prAuc: Share
  readonly rocAuc: Share
  readonly recallAtOnePercentFpr: Share
  readonly review: ThresholdMetrics
  readonly hold: ThresholdMetrics
  readonly curve: readonly CurvePoint[]
}

export type ReliabilityBin = {
  readonly from: number
  readonly to: number
  readonly count: number
  readonly meanPredicted: Share
  readonly observedRate: Share
}

/** `GET /v1/models/:version`. */
export type ModelCard = {
  readonly version: string
  readonly createdAt: string
  readonly isActive: boolean
  readonly seed: string
  readonly labels: Readonly<Record<string, unknown>> & { readonly source?: string; readonly description?: string }
  readonly training: {
    readonly policyVersion: string
    readonly split: Readonly<
      Record<
        string,
        {
          readonly applications: number
          readonly fraud: number
          readonly from: string | null
          readonly to: string | null
        }
      >
    >
    readonly treeCount: number
    readonly featureImportance: readonly { readonly feature: string; readonly meanAbsoluteContribution: number }[]
    readonly timings: Readonly<Record<string, number>> | null
  }
  readonly thresholds: { readonly review: number; readonly hold: number }
  readonly metrics: {
    readonly applications: number
    readonly fraud: number
    readonly legitimate: number
    readonly rules: ScorerMetrics
    readonly model: ScorerMetrics
    readonly combined: ScorerMetrics
  }
  readonly calibration: {
    readonly expectedCalibrationError: Share
    readonly brierScore: Share
    readonly bins: readonly ReliabilityBin[]
  }
  readonly fairness: {
    readonly status: 'within' | 'exceeds'
    readonly maxFalsePositiveGap: number
    readonly minGroupSize: number
    readonly dimensions: readonly {
      readonly dimension: string
      readonly isGated: boolean
      readonly status: string
      readonly falsePositiveGap: Share
      readonly highest: string | null
      readonly lowest: string | null
    }[]
  }
}

export type PromotionCheck = {
  readonly name: 'fairness' | 'quality'
  readonly status: 'passed' | 'failed'
  readonly messages: readonly string[]
}

type LabelCounts = { readonly fraud: number; readonly legitimate: number; readonly unlabelled: number }

type BacktestSide = { readonly outcome: Outcome; readonly score: number; readonly modelScore: number | null }

/** `POST /v1/models/{version}/backtest`: what the candidate would change among the stored applications. */
export type ModelBacktest = {
  readonly modelVersion: string | null
  readonly activeModelVersion: string | null
  readonly policyVersion: string
  readonly applications: number
  readonly changed: number
  readonly matrix: Readonly<Record<Outcome, Readonly<Record<Outcome, number>>>>
  readonly newlyFlagged: LabelCounts
  readonly newlyCleared: LabelCounts
  readonly labelled: number
  readonly withoutLinkFacts: number
  readonly scoredWithOtherPolicy: number
  readonly scoredWithOtherModel: number
  readonly sample: readonly {
    readonly applicationId: string
    readonly label: 'fraud' | 'legitimate' | 'unlabelled'
    readonly from: BacktestSide
    readonly to: BacktestSide
  }[]
}
