import { callApi } from '../api/api-client'
import { awaitJobReport } from '../api/await-job-report'
import type { ActiveModel, ModelBacktest, ModelCard, ModelListing, PromotionCheck } from './model-types'

export function readModels(
  signal: AbortSignal,
): Promise<{ readonly active: ActiveModel | null; readonly models: readonly ModelListing[] }> {
  return callApi('GET', '/v1/models', { signal })
}

export function readModelCard(version: string, signal: AbortSignal): Promise<ModelCard> {
  return callApi('GET', `/v1/models/${encodeURIComponent(version)}`, { signal })
}

/** Runs the quality and fairness gate (seconds); a blocked promotion rejects with 409 and `details.checks`. */
export function promoteModel(
  version: string,
  note?: string,
): Promise<{ readonly active: ActiveModel; readonly checks: readonly PromotionCheck[] }> {
  return callApi('POST', `/v1/models/${encodeURIComponent(version)}/promote`, {
    body: note === undefined || note.trim() === '' ? {} : { note },
  })
}

export function rollbackModel(): Promise<{ readonly active: ActiveModel; readonly previous: string }> {
  return callApi('POST', '/v1/models/rollback', { body: {} })
}

/** The version that backtests the rules alone. */
export const rulesOnly = 'none'

type BacktestAnswer =
  | (ModelBacktest & { readonly status: 'completed' })
  | { readonly status: 'queued'; readonly jobId: string; readonly applications: number }

/**
 * Replays a stored model (or `none`, the rules alone) over the stored applications; nothing changes but the audit
 * log. A large store is backtested by a background job: `onQueued` hears how many applications it replays.
 */
export async function backtestModel(
  version: string,
  onQueued: (applications: number) => void = () => undefined,
): Promise<ModelBacktest> {
  const answer = await callApi<BacktestAnswer>('POST', `/v1/models/${encodeURIComponent(version)}/backtest`, {
    body: { sampleSize: 20 },
  })
  if (answer.status === 'completed') return answer
  onQueued(answer.applications)
  return awaitJobReport<ModelBacktest>(`/v1/models/backtests/${encodeURIComponent(answer.jobId)}`)
}
