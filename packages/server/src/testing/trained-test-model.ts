import { defaultScoringPolicy } from '@hirewall/core'
import {
  generatedWorldExamples,
  trainRiskModel,
  type ModelExample,
  type ModelThresholds,
  type RiskModelFile,
} from '@hirewall/model'
import { testReference } from './application-fixtures.js'

/** The generated world the test models learn from: small, so a test trains in seconds. */
export const testTrainingWorld = { count: 3000, seed: 41 } as const

let examples: ModelExample[] | undefined

/**
 * A risk model really trained (few trees) on a small generated world, screened with the test reference data. The same
 * options give the same model; `thresholds` changes when the model says review and hold.
 */
export function aTrainedModel(
  options: { readonly seed?: number; readonly createdAt?: string; readonly thresholds?: ModelThresholds } = {},
): RiskModelFile {
  examples ??= generatedWorldExamples(testTrainingWorld, { policy: defaultScoringPolicy, reference: testReference })
  const outcome = trainRiskModel(examples, {
    seed: options.seed ?? 5,
    createdAt: options.createdAt ?? '2026-11-23T10:00:00.000Z',
    labels: {
      source: 'generated-world',
      description: "The generated world's ground truth, for tests.",
      world: { ...testTrainingWorld },
      files: [],
    },
    policyVersion: defaultScoringPolicy.version,
    thresholds: options.thresholds ?? { review: 0.25, hold: 0.6 },
    parameters: { rounds: 40 },
  })
  if (outcome.status !== 'trained') throw new Error(outcome.reason)
  return outcome.model
}

/** The same model ranking backwards (its calibration slope negated): what a promotion's quality check must stop. */
export function anInvertedModel(model: RiskModelFile): RiskModelFile {
  return {
    ...model,
    version: `${model.version}-inverted`,
    calibration: { ...model.calibration, slope: -model.calibration.slope },
  }
}
