import { perRecordDetectors, type ReferenceData, type ScoringPolicy } from '@hirewall/core'
import {
  compileRiskModel,
  decidePromotion,
  defaultFairnessBounds,
  evaluateModel,
  parseRiskModelFile,
  screenForModel,
  syntheticLabel,
  toModelExample,
  type FairnessBounds,
  type ModelEvaluation,
  type ModelExample,
  type PromotionDecision,
  type RiskModelFile,
} from '@hirewall/model'
import type { Store } from '@hirewall/store'
import { generateApplications } from '@hirewall/synth'

/** What the promotion gate measures on: a generated world of a seed neither model trained on, as the CLI does. */
export type PromotionCheckOptions = {
  readonly policy: ScoringPolicy
  readonly reference: ReferenceData
  /** Applications in the evaluation world (the CLI's default 20,000). */
  readonly worldCount: number
  /** How much lower the candidate's PR-AUC may be than the active model's (default 0.005). */
  readonly tolerance?: number
  readonly bounds?: FairnessBounds
}

export const defaultPromotionWorldCount = 20_000
export const defaultPromotionTolerance = 0.005
const defaultTrainingWorldSeed = 1

export type PromotionCheck =
  | { readonly status: 'not-found' }
  | { readonly status: 'invalid'; readonly message: string }
  | { readonly status: 'already-active'; readonly version: string }
  | {
      readonly status: 'checked'
      readonly candidate: RiskModelFile
      readonly active: RiskModelFile | undefined
      readonly decision: PromotionDecision
      readonly evaluatedOn: { readonly kind: 'generated-world'; readonly seed: number; readonly count: number }
      readonly evaluation: ModelEvaluation
    }

/** A world seed none of the models was trained on. */
export function evaluationWorldSeed(models: readonly RiskModelFile[]): number {
  const seeds = models.map((model) =>
    model.labels.source === 'generated-world' ? (model.labels.world?.seed ?? defaultTrainingWorldSeed) : 0,
  )
  return Math.max(defaultTrainingWorldSeed, ...seeds) + 1
}

/**
 * Screens a generated world as training does, yielding to the event loop every few hundred applications so a server
 * keeps answering while an admin's promotion is measured.
 */
export async function generatedWorldForGate(
  world: { readonly seed: number; readonly count: number },
  options: Pick<PromotionCheckOptions, 'policy' | 'reference'>,
): Promise<ModelExample[]> {
  const examples: ModelExample[] = []
  const screening = { policy: options.policy, reference: options.reference, detectors: perRecordDetectors }
  for (const { record, result, link } of screenForModel(generateApplications(world), screening)) {
    examples.push(toModelExample(record, result, link, syntheticLabel(record)))
    if (examples.length % 250 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  return examples
}

async function loadStored(store: Store, version: string): Promise<RiskModelFile | string | undefined> {
  const stored = await store.models.find(version)
  if (stored === undefined) return undefined
  const parsed = parseRiskModelFile(stored.file)
  return parsed.status === 'valid'
    ? parsed.file
    : `model ${version} cannot be used: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
}

/**
 * The gate `hirewall model promote` runs, on stored models: the candidate and the active model measured on the same
 * generated world; allowed when the candidate is within the fairness bound and at least as good (PR-AUC within the
 * tolerance) as the active model, or as the rules when none is active.
 */
export async function checkPromotion(
  store: Store,
  version: string,
  options: PromotionCheckOptions,
): Promise<PromotionCheck> {
  const candidate = await loadStored(store, version)
  if (candidate === undefined) return { status: 'not-found' }
  if (typeof candidate === 'string') return { status: 'invalid', message: candidate }
  const activeVersion = await store.models.activeVersion()
  if (activeVersion === version) return { status: 'already-active', version }
  const active = activeVersion === undefined ? undefined : await loadStored(store, activeVersion)
  const activeFile = typeof active === 'string' ? undefined : active
  const world = {
    seed: evaluationWorldSeed([candidate, ...(activeFile ? [activeFile] : [])]),
    count: options.worldCount,
  }
  const examples = await generatedWorldForGate(world, options)
  const bounds = options.bounds ?? defaultFairnessBounds
  const evaluate = (file: RiskModelFile): ModelEvaluation => {
    const model = compileRiskModel(file)
    const probabilities = Float64Array.from(examples, (example) => model.probabilityOf(example.features))
    return evaluateModel(examples, probabilities, file.thresholds, bounds)
  }
  const evaluation = evaluate(candidate)
  const decision = decidePromotion({
    candidate: evaluation,
    ...(activeFile ? { active: { version: activeFile.version, evaluation: evaluate(activeFile) } } : {}),
    tolerance: options.tolerance ?? defaultPromotionTolerance,
  })
  return {
    status: 'checked',
    candidate,
    active: activeFile,
    decision,
    evaluatedOn: { kind: 'generated-world', ...world },
    evaluation,
  }
}
