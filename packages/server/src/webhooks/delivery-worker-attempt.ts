import type { ClaimedDelivery } from '@hirewall/store'
import type { DeliveryAttemptOutcome } from './delivery-schedule.js'
import { signStandardWebhook } from './standard-webhook-signer.js'

/** The JSON body of every outbound webhook: the Standard Webhooks envelope around the event's payload. */
export type OutboundWebhookBody = {
  /** `screening.completed`, `screening.outcome_changed`, `case.decided`. */
  readonly type: string
  /** When the event happened (not when this attempt was sent), ISO 8601. */
  readonly timestamp: string
  readonly data: unknown
}

/** What one POST came to, with a short description for the delivery's `lastError` (null when it was delivered). */
export type SentDelivery = {
  readonly outcome: DeliveryAttemptOutcome
  readonly statusCode: number | undefined
  readonly error: string | null
}

/** Options of {@link sendDelivery}. */
export type SendDeliveryOptions = {
  /** How long to wait for the receiver's response headers, in ms. */
  readonly timeoutMs: number
  /** The attempt's time: the signed `webhook-timestamp`. */
  readonly now: Date
  readonly userAgent: string
}

/**
 * Signs one claimed delivery the Standard Webhooks way (`webhook-id` is the event id, the same on every retry; one
 * signature per live secret during a rotation) and POSTs it. Redirects are not followed: a receiver that moved
 * answers 3xx, which fails the attempt, so a subscription never leaks events to a URL nobody configured.
 */
export async function sendDelivery(delivery: ClaimedDelivery, options: SendDeliveryOptions): Promise<SentDelivery> {
  const envelope: OutboundWebhookBody = {
    type: delivery.eventType,
    timestamp: delivery.eventCreatedAt.toISOString(),
    data: delivery.payload,
  }
  const body = JSON.stringify(envelope)
  const secrets = delivery.previousSecret === null ? [delivery.secret] : [delivery.secret, delivery.previousSecret]
  const headers = signStandardWebhook(secrets, { id: delivery.eventId, timestamp: options.now, body })
  let response: Response
  try {
    response = await fetch(delivery.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'user-agent': options.userAgent },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    })
  } catch (error) {
    if (isTimeout(error)) {
      return { outcome: { kind: 'timeout' }, statusCode: undefined, error: `no response in ${options.timeoutMs} ms` }
    }
    return { outcome: { kind: 'network-error' }, statusCode: undefined, error: networkErrorText(error) }
  }
  // The body is never read: discarding it frees the connection for the next delivery.
  await response.body?.cancel().catch(() => undefined)
  const status = response.status
  const isDelivered = status >= 200 && status < 300
  return {
    outcome: { kind: 'response', status },
    statusCode: status,
    error: isDelivered ? null : `HTTP ${status}`,
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || causeOf(error)?.name === 'TimeoutError')
}

function causeOf(error: Error): Error | undefined {
  return error.cause instanceof Error ? error.cause : undefined
}

// fetch says only "fetch failed"; the cause names what went wrong (ECONNREFUSED, ENOTFOUND, a TLS error).
function networkErrorText(error: unknown): string {
  if (!(error instanceof Error)) return 'network error'
  const cause = causeOf(error) as (Error & { readonly code?: unknown }) | undefined
  if (cause === undefined) return `network error: ${error.message}`
  const code = typeof cause.code === 'string' ? cause.code : undefined
  return `network error: ${code !== undefined && !cause.message.includes(code) ? `${code} ` : ''}${cause.message}`
}
