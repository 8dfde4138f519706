import {
  InMemoryIdentityIndex,
  screenApplication,
  type ApplicationRecord,
  type Detector,
  type ReferenceData,
  type ScoringPolicy,
  type ScreeningResult,
} from '@hirewall/core'
import { generateApplications } from '@hirewall/synth'
import type { LinkFacts } from '../features/link-facts.js'
import { LinkFactsRecorder } from '../features/link-facts-recorder.js'
import { syntheticLabel, toModelExample, type ModelExample } from './model-example.js'

export type ModelScreeningOptions = {
  readonly policy: ScoringPolicy
  readonly reference: ReferenceData
  /** Per-record detectors (default: every registered one). */
  readonly detectors?: readonly Detector[]
}

export type ScreenedForModel = {
  readonly record: ApplicationRecord
  readonly result: ScreeningResult
  readonly link: LinkFacts
}

/**
 * Screens records in order as the CLI does (every detector, each application linked to the earlier ones) and keeps
 * each one's link facts as they stood when it was linked.
 */
export function* screenForModel(
  records: Iterable<ApplicationRecord>,
  options: ModelScreeningOptions,
): Generator<ScreenedForModel, void, undefined> {
  const recorder = new LinkFactsRecorder(new InMemoryIdentityIndex())
  for (const record of records) {
    const result = screenApplication(record, {
      policy: options.policy,
      reference: options.reference,
      identityIndex: recorder,
      ...(options.detectors ? { detectors: options.detectors } : {}),
    })
    const link = recorder.take(record.id)
    if (!link) throw new Error(`no link facts were recorded for ${record.id}`)
    yield { record, result, link }
  }
}

/**
 * The starting training set of a new installation: a generated world screened like live traffic, labelled by its
 * ground truth.
 */
export function generatedWorldExamples(
  world: { readonly count: number; readonly seed: number },
  options: ModelScreeningOptions,
): ModelExample[] {
  const examples: ModelExample[] = []
  for (const { record, result, link } of screenForModel(generateApplications(world), options))
    examples.push(toModelExample(record, result, link, syntheticLabel(record)))
  return examples
}
