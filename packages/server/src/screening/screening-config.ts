import {
  scoreSignals,
  type ApplicationRecord,
  type Detector,
  type DetectorFailure,
  type NormalisedApplication,
  type ReferenceData,
  type ScoringPolicy,
  type ScreeningResult,
  type Signal,
} from '@hirewall/core'

/** What screening uses: the scoring policy, reference data and detectors. */
export type ScreeningConfig = {
  readonly policy: ScoringPolicy
  /** Reference lookups; its sources become each result's `dataVersions`, so add the intel sources (`loadIntel`). */
  readonly reference: ReferenceData
  /** Per-record detectors (core's `perRecordDetectors` in production). */
  readonly detectors: readonly Detector[]
  /** Detectors over reference intelligence (`loadIntel(...).detectors`); `[]` runs without. */
  readonly intelDetectors: readonly Detector[]
}

/** The signals of one record on its own, before linking: they do not depend on the pool. */
export type RecordSignals = {
  readonly signals: readonly Signal[]
  readonly detectorFailures: readonly DetectorFailure[]
}

/**
 * Runs the per-record and intel detectors on one record, as core's `screenApplication` does: a detector that throws is
 * recorded and the others still run. Kept apart from scoring so it runs before the linking lock is taken.
 */
export function detectRecordSignals(
  record: ApplicationRecord,
  facts: NormalisedApplication,
  config: ScreeningConfig,
): RecordSignals {
  const context = { record, facts, reference: config.reference }
  const signals: Signal[] = []
  const detectorFailures: DetectorFailure[] = []
  for (const detectors of [config.detectors, config.intelDetectors]) {
    for (const detector of detectors) {
      try {
        for (const found of detector.detect(context)) signals.push(found)
      } catch (error) {
        detectorFailures.push({
          detector: detector.name,
          message: error instanceof Error ? error.message : String(error),
        })
      }
    }
  }
  return { signals, detectorFailures }
}

/** Scores a record's own signals with its identity signals (pool signals, added last as core does). */
export function scoreScreening(
  applicationId: string,
  own: RecordSignals,
  identitySignals: readonly Signal[],
  clusterId: string | undefined,
  config: ScreeningConfig,
): ScreeningResult {
  const scored = scoreSignals([...own.signals, ...identitySignals], config.policy)
  return {
    applicationId,
    score: scored.score,
    outcome: scored.outcome,
    signals: scored.signals,
    holdGate: scored.holdGate,
    ...(clusterId === undefined ? {} : { clusterId }),
    policyVersion: config.policy.version,
    modelVersion: null,
    dataVersions: dataVersionsOf(config),
    detectorFailures: own.detectorFailures,
  }
}

/** The versions of the reference data results cite, by source name. */
export function dataVersionsOf(config: ScreeningConfig): Readonly<Record<string, string>> {
  const versions: Record<string, string> = {}
  for (const source of config.reference.sources) versions[source.name] = source.version
  return versions
}
