import { callApi } from '../api/api-client'
import type { ActiveModel, ModelCard, ModelListing, PromotionCheck } from './model-types'

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
