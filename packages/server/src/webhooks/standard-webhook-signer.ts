import { createHmac, randomBytes } from 'node:crypto'

/** The headers of a Standard Webhooks delivery (standardwebhooks.com). */
export type StandardWebhookHeaders = {
  readonly 'webhook-id': string
  readonly 'webhook-timestamp': string
  readonly 'webhook-signature': string
}

/** What to sign: the delivery's id (the receiver's idempotency key), when it is sent, and the exact body bytes. */
export type StandardWebhookMessage = {
  readonly id: string
  readonly timestamp: Date
  readonly body: string | Buffer
}

const secretPrefix = 'whsec_'

/** A new signing secret for a subscription: `whsec_` and 32 random bytes in base64 (the spec asks for 24 to 64). */
export function generateWebhookSecret(): string {
  return `${secretPrefix}${randomBytes(32).toString('base64')}`
}

/** The HMAC key inside a `whsec_<base64>` secret. Throws for a malformed secret: it is configuration, not input. */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret
  const key = Buffer.from(encoded, 'base64')
  if (key.length < 16 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new Error('A webhook secret must be whsec_ followed by at least 16 bytes in base64')
  }
  return key
}

/** The base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`, without the `v1,` version tag. */
export function standardWebhookSignature(key: Buffer, message: StandardWebhookMessage): string {
  const seconds = Math.floor(message.timestamp.getTime() / 1000)
  return createHmac('sha256', key).update(`${message.id}.${seconds}.`, 'utf8').update(message.body).digest('base64')
}

/**
 * Signs an outbound delivery the Standard Webhooks way. Send `body` exactly as signed. During a secret rotation pass
 * both secrets: the header then carries one `v1,` signature per secret, space-separated, and either verifies.
 */
export function signStandardWebhook(
  secrets: string | readonly string[],
  message: StandardWebhookMessage,
): StandardWebhookHeaders {
  const signatures = (typeof secrets === 'string' ? [secrets] : secrets).map(
    (secret) => `v1,${standardWebhookSignature(webhookSecretKey(secret), message)}`,
  )
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  }
}
