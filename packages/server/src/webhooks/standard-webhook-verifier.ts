import { timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { standardWebhookSignature, webhookSecretKey } from './standard-webhook-signer.js'

/** Why a Standard Webhooks delivery was refused. */
export type StandardWebhookRejection = 'missing' | 'malformed' | 'stale' | 'mismatch'

/** The outcome of verifying a Standard Webhooks delivery. */
export type StandardWebhookVerification =
  | { readonly status: 'valid'; readonly id: string; readonly timestamp: Date }
  | { readonly status: 'invalid'; readonly reason: StandardWebhookRejection }

/** Options of {@link verifyStandardWebhook}. */
export type StandardWebhookVerifyOptions = {
  readonly secret: string
  readonly headers: IncomingHttpHeaders | Readonly<Record<string, string>>
  /** The body exactly as received. */
  readonly body: string | Buffer
  readonly now?: Date | undefined
  /** How far the timestamp may be from now, either way, in seconds; 300 by default, as in the spec. */
  readonly toleranceSeconds?: number | undefined
}

/**
 * Verifies a Standard Webhooks delivery: all three headers present, the timestamp within tolerance (against replays),
 * and one of the space-separated `v1,<base64>` signatures equal, in constant time, to the HMAC of
 * `{id}.{timestamp}.{body}`. HireWall's receivers and tests use it; customers can use any Standard Webhooks library.
 */
export function verifyStandardWebhook(options: StandardWebhookVerifyOptions): StandardWebhookVerification {
  const id = single(options.headers['webhook-id'])
  const timestampText = single(options.headers['webhook-timestamp'])
  const signatures = single(options.headers['webhook-signature'])
  if (id === undefined || timestampText === undefined || signatures === undefined) {
    return { status: 'invalid', reason: 'missing' }
  }
  if (!/^\d{1,12}$/.test(timestampText)) return { status: 'invalid', reason: 'malformed' }
  const seconds = Number(timestampText)
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000)
  if (Math.abs(nowSeconds - seconds) > (options.toleranceSeconds ?? 300)) return { status: 'invalid', reason: 'stale' }
  const timestamp = new Date(seconds * 1000)
  const expected = Buffer.from(
    standardWebhookSignature(webhookSecretKey(options.secret), { id, timestamp, body: options.body }),
    'base64',
  )
  for (const versioned of signatures.split(' ')) {
    const [version, signature] = versioned.split(',', 2)
    if (version !== 'v1' || signature === undefined) continue
    const given = Buffer.from(signature, 'base64')
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { status: 'valid', id, timestamp }
  }
  return { status: 'invalid', reason: 'mismatch' }
}

function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0]
}
