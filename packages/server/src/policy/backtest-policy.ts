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

/** Applications read per page: one short query each, never the whole pool in memory. */
export const backtestPageSize = 2000

/** The changed applications a backtest lists by default, and at most. */
export const defaultBacktestSample = 50
export const maxBacktestSample = 500

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
  const sampleSize = Math.min(Math.max(0, Math.floor(options.sampleSize ?? defaultBacktestSample)), maxBacktestSample)
  const pageSize = options.pageSize ?? backtestPageSize
  const matrix = emptyMatrix()
  let applications = 0
  let changed = 0
  let scoredWithOtherPolicy = 0
  let sample: BacktestChange[] = []
  let after: string | undefined
  for (;;) {
    const page = await policyVersions.backtestPage({ after, limit: pageSize })
    for (const entry of page) {
      const from = outcomeOf(entry)
      const scored = scoreSignals(signalsOf(entry), candidate)
      applications += 1
      const row = matrix[from]
      row[scored.outcome] += 1
      if (options.publishedPolicyVersion !== undefined && entry.policyVersion !== options.publishedPolicyVersion)
        scoredWithOtherPolicy += 1
      if (scored.outcome === from) continue
      changed += 1
      if (sampleSize === 0) continue
      sample.push({
        applicationId: entry.applicationId,
        from: { outcome: from, score: entry.score },
        to: { outcome: scored.outcome, score: scored.score },
      })
      // Keep the sample bounded however many change.
      if (sample.length >= sampleSize * 4) sample = largestChanges(sample, sampleSize)
    }
    after = page[page.length - 1]?.applicationId
    if (page.length < pageSize) break
  }
  return {
    policyVersion: candidate.version,
    applications,
    changed,
    matrix,
    scoredWithOtherPolicy,
    sample: largestChanges(sample, sampleSize),
    durationMs: Math.round(performance.now() - started),
  }
}

function emptyMatrix(): Record<Outcome, Record<Outcome, number>> {
  const row = (): Record<Outcome, number> => ({ clear: 0, review: 0, hold: 0 })
  return { clear: row(), review: row(), hold: row() }
}

function largestChanges(changes: readonly BacktestChange[], size: number): BacktestChange[] {
  return [...changes]
    .sort(
      (a, b) =>
        Math.abs(b.to.score - b.from.score) - Math.abs(a.to.score - a.from.score) ||
        (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
    )
    .slice(0, size)
}

function outcomeOf(entry: BacktestEntry): Outcome {
  if ((outcomes as readonly string[]).includes(entry.outcome)) return entry.outcome as Outcome
  throw new Error(`application ${entry.applicationId} has a stored outcome outside the vocabulary: ${entry.outcome}`)
}

/** Scoring reads a signal's code and severity; the message and evidence stay in the store. */
function signalsOf(entry: BacktestEntry): Signal[] {
  return entry.signals.map(([code, severity]) => {
    if (!(severities as readonly string[]).includes(severity)) {
      throw new Error(`application ${entry.applicationId} has a stored signal with severity ${severity}`)
    }
    return { code, severity: severity as Severity, message: '', evidence: {} }
  })
}
