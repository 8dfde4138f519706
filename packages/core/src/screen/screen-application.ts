import type { DetectionContext, Detector } from '../detect/detector.js'
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
  /** Signals found outside this record (the identity graph, intelligence), added before scoring. */
  readonly extraSignals?: readonly Signal[]
  readonly clusterId?: string
}

/**
 * Screens one validated application: normalise, run every detector, score. Pure: the same record, policy and
 * reference data always give the same result. A detector that throws is recorded and the others still run.
 */
export function screenApplication(record: ApplicationRecord, options: ScreeningOptions): ScreeningResult {
  const context: DetectionContext = { record, facts: normaliseApplication(record), reference: options.reference }
  const signals: Signal[] = []
  const detectorFailures: DetectorFailure[] = []
  for (const detector of options.detectors ?? perRecordDetectors) {
    try {
      signals.push(...detector.detect(context))
    } catch (error) {
      detectorFailures.push({
        detector: detector.name,
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }
  if (options.extraSignals) signals.push(...options.extraSignals)
  const scored = scoreSignals(signals, options.policy)
  const dataVersions: Record<string, string> = {}
  for (const source of options.reference.sources) dataVersions[source.name] = source.version
  return {
    applicationId: record.id,
    score: scored.score,
    outcome: scored.outcome,
    signals: scored.signals,
    holdGate: scored.holdGate,
    ...(options.clusterId ? { clusterId: options.clusterId } : {}),
    policyVersion: options.policy.version,
    modelVersion: null,
    dataVersions,
    detectorFailures,
  }
}
