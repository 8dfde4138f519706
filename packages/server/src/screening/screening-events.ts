import type { Outcome } from '@hirewall/core'
import type { NewOutboxEvent, StoredApplication, StoredScreeningResult } from '@hirewall/store'
import type { OutboundEventType } from '../webhooks/outbound-event-types.js'
import type { RescreenReason } from './screening-service.js'

/** The events the screening pipeline writes to the outbox (docs/webhooks.md, "Events"). */
export type ScreeningEventType = Extract<OutboundEventType, 'screening.completed' | 'screening.outcome_changed'>

/**
 * A new application was screened. No personal data (names, emails, phones): receivers fetch the application with an
 * API key that may read it.
 */
export type ScreeningCompletedPayload = {
  readonly applicationId: string
  /** The application's id in its source system. */
  readonly externalId: string | null
  /** The source system: `api`, `greenhouse`, `lever`, `ashby`, `csv`... */
  readonly source: string
  readonly requisitionId: string | null
  readonly score: number
  readonly outcome: Outcome
  readonly signalCodes: readonly string[]
  readonly clusterId: string | null
  readonly policyVersion: string
  /** The result's version: 1 for a submission. */
  readonly version: number
  /** ISO 8601. */
  readonly screenedAt: string
}

/** Re-screening changed an application's outcome. */
export type OutcomeChangedPayload = {
  readonly applicationId: string
  readonly from: { readonly outcome: Outcome; readonly score: number }
  readonly to: { readonly outcome: Outcome; readonly score: number }
  /** The new result's version. */
  readonly version: number
  readonly policyVersion: string
  readonly reason: RescreenReason
}

export function screeningCompletedEvent(
  application: StoredApplication,
  result: StoredScreeningResult,
): NewOutboxEvent & { readonly payload: ScreeningCompletedPayload } {
  return {
    id: crypto.randomUUID(),
    type: 'screening.completed' satisfies ScreeningEventType,
    payload: {
      applicationId: application.id,
      externalId: application.externalId,
      source: application.sourceSystem,
      requisitionId: application.requisitionId,
      score: result.score,
      outcome: result.outcome,
      signalCodes: [...new Set(result.signals.map((signal) => signal.code))],
      clusterId: result.clusterId ?? null,
      policyVersion: result.policyVersion,
      version: result.version,
      screenedAt: result.createdAt.toISOString(),
    },
  }
}

export function outcomeChangedEvent(
  payload: OutcomeChangedPayload,
): NewOutboxEvent & { readonly payload: OutcomeChangedPayload } {
  return { id: crypto.randomUUID(), type: 'screening.outcome_changed' satisfies ScreeningEventType, payload }
}
