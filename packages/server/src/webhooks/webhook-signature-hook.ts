import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify'
import { ApiError } from '../errors/api-error.js'
import { verifyInboundSignature, type InboundWebhookVendor } from './inbound-signature.js'

/** Options of {@link webhookSignatureHook}. */
export type WebhookSignatureHookOptions = {
  readonly vendor: InboundWebhookVendor
  /** The secrets to accept for this request (e.g. per tenant or integration, read from the store). */
  readonly secrets: (request: FastifyRequest) => Promise<readonly string[]> | readonly string[]
  /** Lever only: the oldest `triggeredAt` accepted, in ms; unset by default, as retries keep the first time. */
  readonly maxAgeMs?: number | undefined
  readonly now?: (() => Date) | undefined
}

/**
 * A preValidation hook that refuses an inbound webhook whose signature is missing or wrong with 401
 * SIGNATURE_INVALID, before its body is validated (so an unsigned caller learns nothing about the schema). The route
 * must be in a {@link keepRawJsonBody} scope.
 */
export function webhookSignatureHook(options: WebhookSignatureHookOptions): preValidationAsyncHookHandler {
  return async function checkSignature(request) {
    // Without the raw bytes nothing can be verified: a wiring mistake, so a server fault rather than the sender's.
    if (request.rawBody === null) throw new Error('webhookSignatureHook needs a keepRawJsonBody scope')
    const verification = verifyInboundSignature({
      vendor: options.vendor,
      secrets: await options.secrets(request),
      headers: request.headers,
      rawBody: request.rawBody,
      maxAgeMs: options.maxAgeMs,
      now: options.now?.(),
    })
    if (verification.status === 'invalid') {
      request.log.warn({ vendor: options.vendor, reason: verification.reason }, 'webhook signature refused')
      throw new ApiError('SIGNATURE_INVALID', `The ${options.vendor} webhook signature is ${verification.reason}.`, {
        vendor: options.vendor,
        reason: verification.reason,
      })
    }
  }
}
