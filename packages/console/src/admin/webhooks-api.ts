import { callApi } from '../api/api-client'

/** The events a subscription may ask for; `*` is every event, also ones added later. */
export const webhookEventTypes = ['screening.completed', 'screening.outcome_changed', 'case.decided', '*'] as const
export type WebhookEventType = (typeof webhookEventTypes)[number]

export type WebhookSubscription = {
  readonly id: string
  readonly url: string
  readonly eventTypes: readonly string[]
  readonly description: string | null
  readonly createdBy: string
  readonly createdAt: string
  readonly disabledAt: string | null
  readonly previousSecretExpiresAt: string | null
}

type WithSecret = { readonly subscription: WebhookSubscription; readonly secret: string }

export async function listSubscriptions(signal: AbortSignal): Promise<readonly WebhookSubscription[]> {
  return (await callApi<{ items: readonly WebhookSubscription[] }>('GET', '/v1/webhook-subscriptions', { signal }))
    .items
}

/** Creates a subscription; its signing secret is in the answer this once. */
export function createSubscription(body: {
  readonly url: string
  readonly eventTypes: readonly string[]
  readonly description?: string
}): Promise<WithSecret> {
  return callApi('POST', '/v1/webhook-subscriptions', { body })
}

/** Stops (or resumes) deliveries to a subscription; pending ones wait. */
export function setSubscriptionEnabled(id: string, isEnabled: boolean): Promise<WebhookSubscription> {
  return callApi('POST', `/v1/webhook-subscriptions/${encodeURIComponent(id)}/${isEnabled ? 'enable' : 'disable'}`)
}

/** A new signing secret; the old one still signs deliveries for a day so the receiver can switch. */
export function rotateSecret(id: string): Promise<WithSecret> {
  return callApi('POST', `/v1/webhook-subscriptions/${encodeURIComponent(id)}/rotate-secret`, { body: {} })
}
