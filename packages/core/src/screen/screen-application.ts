import type { DetectionContext, Detector } from '../detect/detector.js'
import type { IdentityIndex } from '../linking/identity-index.js'
import { perRecordDetectors } from '../detect/detector-registry.js'
import { normaliseApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord } from '../record/application-record.js'
import type { ReferenceData } from '../reference/reference-data.js'
import { scoreSignals } from '../scoring/score-signals.js'
import type { ScoringPolicy } from '../scoring/scoring-policy.js'
import type { Signal } from '../signals/signal.js'
import type { DetectorFailure, ScreeningResult } from './screening-result.js'

export type ScreeningOptions = {
  readonly policy: ScoringPolicy
  readonly reference: ReferenceData
  /** Defaults to every registered per-record detector. */
  readonly detectors?: readonly Detector[]
  /** Signals found outside this record and the pool (intelligence lookups), added before scoring. */
  readonly extraSignals?: readonly Signal[]
  /**
   * The pool's memory. When given, the application is linked to every earlier one (and added to the pool): its pool
   * signals join the score and the result carries its persona cluster id.
   */
  readonly identityIndex?: IdentityIndex
}

/**
 * Screens one validated application: normalise, run every detector, link it to the pool (with an identity index),
 * score. Without an index it is pure: the same record, policy and reference data always give the same result; with
 * one, the result also depends on the applications linked before it. A detector that throws is recorded and the
 * others still run.
 */
export function screenApplication(record: ApplicationRecord, options: ScreeningOptions): ScreeningResult {
  const facts = normaliseApplication(record)
  const context: DetectionContext = { record, facts, reference: options.reference }
  const signals: Signal[] = []
  const detectorFailures: DetectorFailure[] = []
  for (const detector of options.detectors ?? perRecordDetectors) {
    try {
      for (const found of detector.detect(context)) signals.push(found)
    } catch (error) {
      detectorFailures.push({
        detector: detector.name,
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }
  if (options.extraSignals) signals.push(...options.extraSignals)
  const link = options.identityIndex?.link(record, facts)
  if (link) signals.push(...link.signals)
  const scored = scoreSignals(signals, options.policy)
  const dataVersions: Record<string, string> = {}
  for (const source of options.reference.sources) dataVersions[source.name] = source.version
  return {
    applicationId: record.id,
    score: scored.score,
    outcome: scored.outcome,
    signals: scored.signals,
    holdGate: scored.holdGate,
    ...(link ? { clusterId: link.clusterId } : {}),
    policyVersion: options.policy.version,
    modelVersion: null,
    dataVersions,
    detectorFailures,
  }
}
