import { callApi } from '../api/api-client'
import { awaitJobReport } from '../api/await-job-report'
import type { Outcome } from '../api/api-types'

/** The scoring policy document (docs/scoring.md); the server validates every field. */
export type PolicyDocument = {
  readonly version: string
  readonly description?: string
  readonly severityWeights: Readonly<Record<string, number>>
  readonly signalWeights: Readonly<Record<string, number>>
  readonly categoryCaps: Readonly<Record<string, number>>
  readonly thresholds: { readonly review: number; readonly hold: number }
  readonly hold: {
    readonly anySignalAtLeast: string
    readonly orAgreeing: {
      readonly severityAtLeast: string
      readonly count: number
      readonly distinctCategories: number
    }
  }
}

export type PolicyVersion = {
  readonly version: number
  readonly policyVersion: string
  readonly status: 'draft' | 'published' | 'retired'
  readonly author: string
  readonly note: string | null
  readonly createdAt: string
  readonly publishedAt: string | null
  readonly policy: PolicyDocument
}

export type ScoreAndOutcome = { readonly outcome: Outcome; readonly score: number }

export type Backtest = {
  readonly policyVersion: string
  readonly publishedPolicyVersion: string | null
  readonly applications: number
  readonly changed: number
  readonly matrix: Readonly<Record<Outcome, Readonly<Record<Outcome, number>>>>
  readonly scoredWithOtherPolicy: number
  readonly sample: readonly {
    readonly applicationId: string
    readonly from: ScoreAndOutcome
    readonly to: ScoreAndOutcome
  }[]
  readonly durationMs: number
}

export type Published = {
  readonly published: PolicyVersion
  readonly retired: PolicyVersion | null
  readonly rescreen:
    | { readonly status: 'queued'; readonly jobId: string }
    | { readonly status: 'not-needed' }
    | { readonly status: 'not-queued'; readonly reason: string }
}

export function readPublishedPolicy(signal: AbortSignal): Promise<PolicyVersion> {
  return callApi('GET', '/v1/policy', { signal })
}

export async function listPolicyVersions(signal: AbortSignal): Promise<readonly PolicyVersion[]> {
  return (await callApi<{ items: readonly PolicyVersion[] }>('GET', '/v1/policy/versions', { signal })).items
}

type BacktestAnswer =
  | (Backtest & { readonly status: 'completed' })
  | { readonly status: 'queued'; readonly jobId: string; readonly applications: number }

/**
 * Replays a candidate over the stored history; nothing changes but the audit log. A large store is backtested by a
 * background job: `onQueued` hears how many applications it replays, and the job is polled every second until done.
 */
export async function backtestPolicy(
  policy: PolicyDocument,
  onQueued: (applications: number) => void = () => undefined,
): Promise<Backtest> {
  const answer = await callApi<BacktestAnswer>('POST', '/v1/policy/backtest', { body: { policy, sampleSize: 20 } })
  if (answer.status === 'completed') return answer
  onQueued(answer.applications)
  return awaitJobReport<Backtest>(`/v1/policy/backtests/${encodeURIComponent(answer.jobId)}`)
}

export function saveDraft(policy: PolicyDocument, note: string | undefined): Promise<PolicyVersion> {
  return callApi('POST', '/v1/policy/versions', { body: { policy, ...(note === undefined ? {} : { note }) } })
}

/** Publishes a version (a draft, or a retired one to roll back); the server queues the re-screening. */
export function publishVersion(version: number, note: string | undefined): Promise<Published> {
  return callApi('POST', `/v1/policy/versions/${version}/publish`, { body: note === undefined ? {} : { note } })
}
