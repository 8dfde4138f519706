import { createHmac } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { safeEqualHex } from './safe-equal-hex.js'

/** The ATS vendors whose webhooks HireWall receives. */
export const inboundWebhookVendors = ['greenhouse', 'ashby', 'lever'] as const
/** One of {@link inboundWebhookVendors}. */
export type InboundWebhookVendor = (typeof inboundWebhookVendors)[number]

/** Why an inbound webhook's signature was refused. */
export const signatureRejections = ['missing', 'malformed', 'mismatch', 'stale'] as const
/** One of {@link signatureRejections}. */
export type SignatureRejection = (typeof signatureRejections)[number]

/** The outcome of checking an inbound webhook's signature. */
export type InboundSignatureVerification =
  { readonly status: 'valid' } | { readonly status: 'invalid'; readonly reason: SignatureRejection }

/** What checking an inbound webhook needs: the exact body bytes as received, never a re-serialised body. */
export type InboundSignatureCheck = {
  readonly vendor: InboundWebhookVendor
  /** The webhook's signing secrets; more than one while a secret is being rotated. */
  readonly secrets: readonly string[]
  readonly headers: IncomingHttpHeaders
  readonly rawBody: Buffer
  /** Lever only: refuse events whose `triggeredAt` is older than this (its signature does not cover the body). */
  readonly maxAgeMs?: number | undefined
  readonly now?: Date | undefined
}

const greenhouseHeader = /^sha256 +([0-9a-fA-F]{64})$/
const ashbyHeader = /^sha256=([0-9a-fA-F]{64})$/

/**
 * Checks an inbound ATS webhook in constant time, as each vendor documents it:
 * - Greenhouse: `Signature: sha256 <hex>`, HMAC-SHA256 of the raw body keyed by the secret key.
 * - Ashby: `Ashby-Signature: sha256=<hex>`, HMAC-SHA256 of the raw body keyed by the secret token.
 * - Lever: body fields `token`, `triggeredAt` and `signature`, where signature is the hex HMAC-SHA256 of
 *   `token + triggeredAt` keyed by the signature token (Lever's developer documentation, "Securing webhooks"). It
 *   does not cover the rest of the body, which carries only ids to fetch from Lever's API.
 */
export function verifyInboundSignature(check: InboundSignatureCheck): InboundSignatureVerification {
  switch (check.vendor) {
    case 'greenhouse':
      return verifyBodyHmac(check, header(check.headers, 'signature'), greenhouseHeader)
    case 'ashby':
      return verifyBodyHmac(check, header(check.headers, 'ashby-signature'), ashbyHeader)
    case 'lever':
      return verifyLever(check)
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function verifyBodyHmac(
  check: InboundSignatureCheck,
  value: string | undefined,
  pattern: RegExp,
): InboundSignatureVerification {
  if (value === undefined) return { status: 'invalid', reason: 'missing' }
  const given = pattern.exec(value.trim())?.[1]
  if (given === undefined) return { status: 'invalid', reason: 'malformed' }
  const matches = check.secrets.some((secret) =>
    safeEqualHex(createHmac('sha256', secret).update(check.rawBody).digest('hex'), given.toLowerCase()),
  )
  return matches ? { status: 'valid' } : { status: 'invalid', reason: 'mismatch' }
}

function verifyLever(check: InboundSignatureCheck): InboundSignatureVerification {
  let body: unknown
  try {
    body = JSON.parse(check.rawBody.toString('utf8'))
  } catch {
    return { status: 'invalid', reason: 'malformed' }
  }
  if (typeof body !== 'object' || body === null) return { status: 'invalid', reason: 'malformed' }
  const { token, triggeredAt, signature } = body as Record<string, unknown>
  if (token === undefined && triggeredAt === undefined && signature === undefined) {
    return { status: 'invalid', reason: 'missing' }
  }
  const isTime =
    (typeof triggeredAt === 'number' && Number.isSafeInteger(triggeredAt)) || typeof triggeredAt === 'string'
  if (typeof token !== 'string' || !isTime || typeof signature !== 'string' || !/^[0-9a-fA-F]{64}$/.test(signature)) {
    return { status: 'invalid', reason: 'malformed' }
  }
  const plainText = `${token}${String(triggeredAt)}`
  const matches = check.secrets.some((secret) =>
    safeEqualHex(createHmac('sha256', secret).update(plainText, 'utf8').digest('hex'), signature.toLowerCase()),
  )
  if (!matches) return { status: 'invalid', reason: 'mismatch' }
  if (check.maxAgeMs !== undefined) {
    const age = (check.now ?? new Date()).getTime() - Number(triggeredAt)
    if (!(age <= check.maxAgeMs)) return { status: 'invalid', reason: 'stale' }
  }
  return { status: 'valid' }
}
