/** Waits before each retry of an outbound webhook: 5 s, 5 min, 30 min, 2 h, 8 h, 24 h; then the delivery is dead. */
export const retryDelaysMs = [5_000, 300_000, 1_800_000, 7_200_000, 28_800_000, 86_400_000] as const

/** How much a delay may move either way, so retries after an outage do not all arrive at once. */
export const retryJitter = 0.1

/** What one delivery attempt came to. */
export type DeliveryAttemptOutcome =
  | { readonly kind: 'response'; readonly status: number }
  | { readonly kind: 'network-error' }
  | { readonly kind: 'timeout' }

/** What to do after an attempt. */
export type DeliveryStep =
  | { readonly status: 'delivered' }
  | { readonly status: 'retry'; readonly attempt: number; readonly delayMs: number }
  | { readonly status: 'dead'; readonly reason: 'gone' | 'exhausted' }

/**
 * The next step after attempt number `attempt` (1 for the first) ended with `outcome`. Any 2xx delivers; 410 Gone
 * means the receiver has removed the endpoint, so it is dead at once; anything else is retried on
 * `delaysMs` (default {@link retryDelaysMs}) with ±10 % jitter until the schedule runs out. `random` returns [0, 1)
 * (injected for tests).
 */
export function nextDeliveryStep(
  attempt: number,
  outcome: DeliveryAttemptOutcome,
  random: () => number = Math.random,
  delaysMs: readonly number[] = retryDelaysMs,
): DeliveryStep {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a whole number from 1, not ${attempt}`)
  if (outcome.kind === 'response') {
    if (outcome.status >= 200 && outcome.status < 300) return { status: 'delivered' }
    if (outcome.status === 410) return { status: 'dead', reason: 'gone' }
  }
  const delay = delaysMs[attempt - 1]
  if (delay === undefined) return { status: 'dead', reason: 'exhausted' }
  const jitter = 1 + retryJitter * (2 * random() - 1)
  return { status: 'retry', attempt: attempt + 1, delayMs: Math.round(delay * jitter) }
}
