import {
  outcomes,
  scoreSignals,
  severities,
  type Outcome,
  type ScoringPolicy,
  type Severity,
  type Signal,
} from '@hirewall/core'
import type { BacktestEntry, PolicyVersionRepository } from '@hirewall/store'
import { replayStoredOutcomes } from '../backtest/replay-stored-outcomes.js'

export { backtestPageSize, defaultBacktestSample, maxBacktestSample } from '../backtest/replay-stored-outcomes.js'

/** One application whose outcome the candidate would change. */
export type BacktestChange = {
  readonly applicationId: string
  readonly from: { readonly outcome: Outcome; readonly score: number }
  readonly to: { readonly outcome: Outcome; readonly score: number }
}

/** What a candidate policy would do to the stored history. */
export type BacktestReport = {
  /** The candidate's own `version` string. */
  readonly policyVersion: string
  /** Stored applications with a screening result: every one was replayed. */
  readonly applications: number
  /** Of those, how many would get another outcome. */
  readonly changed: number
  /** Applications by stored outcome (`from`) and the candidate's outcome (`to`); the diagonal is unchanged. */
  readonly matrix: Readonly<Record<Outcome, Readonly<Record<Outcome, number>>>>
  /** Applications whose stored result was scored by another policy than the published one (not yet re-screened). */
  readonly scoredWithOtherPolicy: number
  /** Up to `sampleSize` changed applications, largest score change first (then by id). */
  readonly sample: readonly BacktestChange[]
  readonly durationMs: number
}

export type BacktestOptions = {
  /** The `version` string of the published policy, to count results not yet re-screened with it. */
  readonly publishedPolicyVersion?: string | undefined
  readonly sampleSize?: number
  readonly pageSize?: number
}

/**
 * Replays `candidate` over every stored application's latest result: its stored signals (the record's own and the
 * identity signals its link raised) are scored again under the candidate, without running detectors or linking again,
 * and the outcome compared with the stored one. Reads the store a page at a time in id order; the work is pure
 * scoring, about a microsecond per signal, so a pool of 100,000 takes seconds (docs/api.md has the measurements).
 */
export async function backtestPolicy(
  policyVersions: Pick<PolicyVersionRepository, 'backtestPage'>,
  candidate: ScoringPolicy,
  options: BacktestOptions = {},
): Promise<BacktestReport> {
  const started = performance.now()
  let scoredWithOtherPolicy = 0
  const replay = await replayStoredOutcomes(
    (request) => policyVersions.backtestPage(request),
    (entry) => {
      if (options.publishedPolicyVersion !== undefined && entry.policyVersion !== options.publishedPolicyVersion)
        scoredWithOtherPolicy += 1
      const from = { outcome: outcomeOf(entry), score: entry.score }
      const to = scoreSignals(signalsOf(entry), candidate)
      return {
        // A policy backtest reports no labels: the policy page compares outcomes only.
        row: { before: from.outcome, after: to.outcome, label: null },
        magnitude: Math.abs(to.score - from.score),
        change: () => ({
          applicationId: entry.applicationId,
          from,
          to: { outcome: to.outcome, score: to.score },
        }),
      }
    },
    options,
  )
  return {
    policyVersion: candidate.version,
    applications: replay.backtest.applications,
    changed: replay.backtest.changed,
    matrix: replay.backtest.transitions,
    scoredWithOtherPolicy,
    sample: replay.sample,
    durationMs: Math.round(performance.now() - started),
  }
}

/** A stored outcome, checked as it leaves the database. */
export function outcomeOf(entry: Pick<BacktestEntry, 'applicationId' | 'outcome'>): Outcome {
  if ((outcomes as readonly string[]).includes(entry.outcome)) return entry.outcome as Outcome
  throw new Error(`application ${entry.applicationId} has a stored outcome outside the vocabulary: ${entry.outcome}`)
}

/** Scoring reads a signal's code and severity; the message and evidence stay in the store. */
export function signalsOf(entry: Pick<BacktestEntry, 'applicationId' | 'signals'>): Signal[] {
  return entry.signals.map(([code, severity]) => {
    if (!(severities as readonly string[]).includes(severity)) {
      throw new Error(`application ${entry.applicationId} has a stored signal with severity ${severity}`)
    }
    return { code, severity: severity as Severity, message: '', evidence: {} }
  })
}
