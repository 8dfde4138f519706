import type { Outcome, ScoredSignal } from '../scoring/score-signals.js'

/** A detector that threw: screening went on without it, and the result says so. */
export type DetectorFailure = { readonly detector: string; readonly message: string }

/**
 * The outcome of screening one application. Never edited: re-screening writes a new result with new versions.
 */
export type ScreeningResult = {
  readonly applicationId: string
  readonly score: number
  readonly outcome: Outcome
  /** Signals sorted by contribution, largest first; contributions add up to `score`. */
  readonly signals: readonly ScoredSignal[]
  readonly holdGate: 'met' | 'not-met' | 'not-reached'
  /** The persona cluster the identity graph put the application in, once linking runs. */
  readonly clusterId?: string
  readonly policyVersion: string
  /** The risk model's version once one scores alongside the rules; null while rules alone decide. */
  readonly modelVersion: string | null
  /** Versions of the reference data the signals used, by source name. */
  readonly dataVersions: Readonly<Record<string, string>>
  readonly detectorFailures: readonly DetectorFailure[]
}
