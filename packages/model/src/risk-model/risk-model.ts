import type { Outcome } from '@hirewall/core'
import { calibrate } from '../calibration/platt-scaling.js'
import { modelOutcome } from '../evaluation/evaluate-model.js'
import { extractFeatures, type ModelInput } from '../features/extract-features.js'
import { featurePosition, findFeature, type FeatureDefinition, type FeatureKind } from '../features/model-features.js'
import { ensembleMargin } from '../gbt/boost-trees.js'
import { expectedTreeValue } from '../gbt/decision-tree.js'
import { addTreeShap } from '../gbt/tree-shap.js'
import { describeContribution } from './describe-contribution.js'
import type { RiskModelFile } from './risk-model-file.js'

/** The model's verdict on one application, to show next to the rules' score. */
export type RiskPrediction = {
  readonly modelVersion: string
  /** Calibrated probability that the application is fraudulent, 0 to 1. */
  readonly probability: number
  /** The probability on the rules' 0-100 scale, one decimal. */
  readonly score: number
  /** `review` at or above the model's review threshold, `hold` at or above its hold threshold. */
  readonly outcome: Outcome
}

/** What one feature did to one application's estimate. */
export type FeatureContribution = {
  readonly feature: string
  readonly kind: FeatureKind
  readonly value: number
  /** In calibrated log-odds; all contributions plus the baseline's log-odds give the application's log-odds. */
  readonly contribution: number
  /** The rule signal the feature reads, so a console can show the two side by side. */
  readonly signalCode?: string
  readonly sentence: string
}

export type RiskExplanation = RiskPrediction & {
  /** The model's probability for an application about which nothing is known (the training average). */
  readonly baselineProbability: number
  /** Features whose contribution is not zero, largest effect first (up to the limit asked for). */
  readonly contributions: readonly FeatureContribution[]
  readonly summary: string
}

/** A loaded model: scores and explains applications. Create with `compileRiskModel` from a checked file. */
export type RiskModel = {
  readonly version: string
  readonly file: RiskModelFile
  predict(input: ModelInput): RiskPrediction
  /** Tree SHAP attributions of the application's log-odds to each feature, in plain English. */
  explain(input: ModelInput, options?: { readonly limit?: number }): RiskExplanation
  /** The probability for a feature vector in `modelFeatureNames` order (as `extractFeatures` returns it). */
  probabilityOf(features: Float64Array): number
}

const logit = (probability: number): number => Math.log(probability / (1 - probability))

function percent(probability: number): string {
  const value = probability * 100
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)}%`
}

/** Builds the scorer of a model file that `parseRiskModelFile` accepted. */
export function compileRiskModel(file: RiskModelFile): RiskModel {
  const positions = Int32Array.from(file.features, (name) => {
    const position = featurePosition(name)
    if (position === undefined) throw new Error(`model ${file.version} uses unknown feature ${name}`)
    return position
  })
  const definitions = file.features.map((name) => findFeature(name) as FeatureDefinition)
  const expectedMargin = file.trees.reduce((sum, tree) => sum + expectedTreeValue(tree), file.baseMargin)
  const { slope } = file.calibration
  const baselineProbability = calibrate(file.calibration, expectedMargin)

  const probabilityOf = (features: Float64Array): number =>
    calibrate(file.calibration, ensembleMargin(file.baseMargin, file.trees, features, positions))
  const predictionOf = (probability: number): RiskPrediction => ({
    modelVersion: file.version,
    probability,
    score: Math.round(probability * 1000) / 10,
    outcome: modelOutcome(probability, file.thresholds),
  })

  return {
    version: file.version,
    file,
    probabilityOf,
    predict: (input) => predictionOf(probabilityOf(extractFeatures(input))),
    explain: (input, options = {}) => {
      const features = extractFeatures(input)
      const prediction = predictionOf(probabilityOf(features))
      const phi = new Float64Array(file.features.length)
      for (const tree of file.trees) addTreeShap(tree, features, phi, positions)
      const effects: { index: number; contribution: number }[] = []
      phi.forEach((raw, index) => {
        const contribution = slope * raw
        if (Math.abs(contribution) >= 1e-9) effects.push({ index, contribution })
      })
      const nameOf = (index: number): string => (definitions[index] as FeatureDefinition).name
      effects.sort(
        (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || nameOf(a.index).localeCompare(nameOf(b.index)),
      )
      // Sentences only for the features shown: most of an explanation's cost would otherwise be wording.
      const shown = effects
        .slice(0, options.limit ?? effects.length)
        .map(({ index, contribution }): FeatureContribution => {
          const definition = definitions[index] as FeatureDefinition
          const value = features[positions[index] as number] as number
          return {
            feature: definition.name,
            kind: definition.kind,
            value,
            contribution,
            ...(definition.signalCode ? { signalCode: definition.signalCode } : {}),
            sentence: describeContribution(definition, value, contribution, input.result.signals),
          }
        })
      const odds = logit(prediction.probability) - logit(baselineProbability)
      const summary =
        `The model puts the chance of fraud at ${percent(prediction.probability)} (${prediction.outcome}; review from ` +
        `${percent(file.thresholds.review)}, hold from ${percent(file.thresholds.hold)}), against ` +
        `${percent(baselineProbability)} for an average application: its features ${odds >= 0 ? 'add' : 'take away'} ` +
        `${Math.abs(odds).toFixed(2)} log-odds.`
      return { ...prediction, baselineProbability, contributions: shown, summary }
    },
  }
}
