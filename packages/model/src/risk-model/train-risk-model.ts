import { createHash } from 'node:crypto'
import { calibrate, fitPlattScaling } from '../calibration/platt-scaling.js'
import type { ModelExample } from '../dataset/model-example.js'
import { calibrationReport } from '../evaluation/calibration-report.js'
import { evaluateModel, type ModelThresholds } from '../evaluation/evaluate-model.js'
import { defaultFairnessBounds, type FairnessBounds } from '../evaluation/fairness-report.js'
import { modelFeatureNames } from '../features/model-features.js'
import { boostTrees, defaultBoostingParameters, ensembleMargin, type BoostingParameters } from '../gbt/boost-trees.js'
import { toFeatureMatrix } from '../gbt/feature-matrix.js'
import { addTreeShap } from '../gbt/tree-shap.js'
import {
  riskModelFormat,
  riskModelFormatVersion,
  type FeatureImportance,
  type FoldSummary,
  type RiskModelFile,
  type TrainingLabels,
} from './risk-model-file.js'

export type TrainingOptions = {
  /** Seed of row and feature subsampling: the same examples and seed give the same trees. */
  readonly seed: number | string
  /** When the model is made (ISO 8601); part of the version name, not of the content hash. */
  readonly createdAt: string
  readonly labels: TrainingLabels
  readonly policyVersion: string
  /** The model's review and hold probabilities (the CLI defaults them to the policy's thresholds / 100). */
  readonly thresholds: ModelThresholds
  readonly parameters?: Partial<BoostingParameters>
  /** Shares of the labelled applications, latest last: calibration and early stopping, then the held-out test. */
  readonly calibrationShare?: number
  readonly testShare?: number
  readonly fairness?: FairnessBounds
}

export type TrainingOutcome =
  | { readonly status: 'trained'; readonly model: RiskModelFile }
  | { readonly status: 'refused'; readonly reason: string }

const minimumPerFold = 5

function foldSummary(examples: readonly ModelExample[]): FoldSummary {
  const first = examples[0]
  const last = examples[examples.length - 1]
  return {
    applications: examples.length,
    fraud: examples.filter((example) => example.label === 1).length,
    from: first ? new Date(first.submittedAtMs).toISOString() : null,
    to: last ? new Date(last.submittedAtMs).toISOString() : null,
  }
}

function labelled(examples: readonly ModelExample[]): {
  matrix: ReturnType<typeof toFeatureMatrix>
  labels: Uint8Array
} {
  return {
    matrix: toFeatureMatrix(
      examples.map((example) => example.features),
      modelFeatureNames.length,
    ),
    labels: Uint8Array.from(examples, (example) => example.label ?? 0),
  }
}

/** `risk-20261123-134500-1a2b3c4d`: when, and a hash of everything that decides a score. */
function versionName(createdAt: string, content: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 8)
  const stamp = createdAt.replace(/[-:]/g, '').replace(/\.\d+/, '').replace('T', '-').replace(/Z$/, '')
  return `risk-${/^\d{8}-\d{6}$/.test(stamp) ? stamp : 'undated'}-${hash}`
}

/**
 * Trains a risk model on labelled applications. Applications are put in submission order and split in time: the
 * earliest train the trees, the next ones stop the boosting and fit the Platt calibration, the latest are held out
 * and measured (rules alone, model alone, both; calibration; fairness). Training on the past and testing on the future
 * is how the model will be used, and keeps a ring's later members from being learnt before they are tested.
 */
export function trainRiskModel(examples: readonly ModelExample[], options: TrainingOptions): TrainingOutcome {
  const parameters: BoostingParameters = { ...defaultBoostingParameters, ...options.parameters }
  const calibrationShare = options.calibrationShare ?? 0.15
  const testShare = options.testShare ?? 0.2
  const fairness = options.fairness ?? defaultFairnessBounds
  const ordered = examples
    .map((example, index) => ({ example, index }))
    .filter(({ example }) => example.label !== null)
    .sort((a, b) => a.example.submittedAtMs - b.example.submittedAtMs || a.index - b.index)
    .map(({ example }) => example)
  const testStart = Math.floor(ordered.length * (1 - testShare))
  const calibrationStart = Math.floor(ordered.length * (1 - testShare - calibrationShare))
  const folds = {
    train: ordered.slice(0, calibrationStart),
    calibration: ordered.slice(calibrationStart, testStart),
    test: ordered.slice(testStart),
  }
  for (const [name, fold] of Object.entries(folds)) {
    const fraud = fold.filter((example) => example.label === 1).length
    if (fraud < minimumPerFold || fold.length - fraud < minimumPerFold)
      return {
        status: 'refused',
        reason: `the ${name} fold has ${fraud} fraudulent and ${fold.length - fraud} legitimate labelled applications; each fold needs at least ${minimumPerFold} of each (${ordered.length} labelled in all)`,
      }
  }

  const train = labelled(folds.train)
  const calibrationData = labelled(folds.calibration)
  const boosted = boostTrees(train, calibrationData, parameters, options.seed)
  const marginOf = (example: ModelExample): number =>
    ensembleMargin(boosted.baseMargin, boosted.trees, example.features)
  const scaling = fitPlattScaling(folds.calibration.map(marginOf), calibrationData.labels)

  const testMargins = folds.test.map(marginOf)
  const testLabels = Uint8Array.from(folds.test, (example) => example.label ?? 0)
  const rawProbabilities = testMargins.map((margin) => 1 / (1 + Math.exp(-margin)))
  const probabilities = testMargins.map((margin) => calibrate(scaling, margin))
  const evaluation = evaluateModel(folds.test, probabilities, options.thresholds, fairness)

  // Mean |tree SHAP| over (up to 2,000 of) the held-out applications, spread evenly over the fold.
  const phi = new Float64Array(modelFeatureNames.length)
  const step = Math.max(1, Math.floor(folds.test.length / 2000))
  let explained = 0
  for (let index = 0; index < folds.test.length; index += step) {
    const row = new Float64Array(modelFeatureNames.length)
    for (const tree of boosted.trees) addTreeShap(tree, (folds.test[index] as ModelExample).features, row)
    row.forEach((value, feature) => (phi[feature] = (phi[feature] as number) + Math.abs(value * scaling.slope)))
    explained++
  }
  const featureImportance: FeatureImportance[] = modelFeatureNames
    .map((feature, index) => ({ feature, meanAbsoluteContribution: (phi[index] as number) / Math.max(1, explained) }))
    .filter((importance) => importance.meanAbsoluteContribution > 0)
    .sort((a, b) => b.meanAbsoluteContribution - a.meanAbsoluteContribution || a.feature.localeCompare(b.feature))
    .slice(0, 20)

  const seed = String(options.seed)
  const scored = {
    features: modelFeatureNames,
    baseMargin: boosted.baseMargin,
    trees: boosted.trees,
    calibration: scaling,
    thresholds: options.thresholds,
    seed,
  }
  const model: RiskModelFile = {
    format: riskModelFormat,
    formatVersion: riskModelFormatVersion,
    version: versionName(options.createdAt, scored),
    createdAt: options.createdAt,
    seed,
    features: modelFeatureNames,
    labels: options.labels,
    training: {
      policyVersion: options.policyVersion,
      split: {
        method: 'time-ordered',
        train: foldSummary(folds.train),
        calibration: foldSummary(folds.calibration),
        test: foldSummary(folds.test),
      },
      parameters,
      treeCount: boosted.trees.length,
      calibrationBeforeScaling: calibrationReport(rawProbabilities, testLabels),
      featureImportance,
    },
    baseMargin: boosted.baseMargin,
    trees: boosted.trees,
    calibration: scaling,
    thresholds: options.thresholds,
    evaluation,
  }
  return { status: 'trained', model }
}
