import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { inboundWebhookVendors, type InboundWebhookVendor } from '../../webhooks/inbound-signature.js'
import { keepRawJsonBody } from '../../webhooks/keep-raw-json-body.js'
import { webhookSignatureHook } from '../../webhooks/webhook-signature-hook.js'
import { readAshbyEvent } from './ashby-event.js'
import {
  atsWebhookSecretsFromEnv,
  atsWebhookSecretVariables,
  leverApiFromEnv,
  type AtsWebhookSecrets,
} from './ats-webhook-config.js'
import { readGreenhouseEvent } from './greenhouse-event.js'
import { handleInboundEvent } from './handle-inbound-event.js'
import type { InboundEvent, InboundEventReader } from './inbound-event.js'
import type { LeverApi } from './lever-api.js'
import { readLeverEvent } from './lever-event.js'
import { isJsonObject, textAt } from './read-json.js'

/** Options of {@link registerAtsWebhookRoutes}. */
export type AtsWebhookRoutesOptions = {
  readonly store: Store
  /** The one screening pipeline (`createScreeningService`). */
  readonly screening: ScreeningService
  /** Each vendor's signing secrets; by default from `HIREWALL_GREENHOUSE_SECRET`, `..._ASHBY_...`, `..._LEVER_...`. */
  readonly secrets?: AtsWebhookSecrets | undefined
  /** Reads the opportunities Lever's webhooks point at; by default from `HIREWALL_LEVER_API_KEY`, else none. */
  readonly lever?: LeverApi | undefined
  /** Where the defaults are read; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  readonly now?: (() => Date) | undefined
}

const readers: Readonly<Record<InboundWebhookVendor, InboundEventReader>> = {
  greenhouse: readGreenhouseEvent,
  ashby: readAshbyEvent,
  lever: readLeverEvent,
}

const vendorNames = { greenhouse: 'Greenhouse', ashby: 'Ashby', lever: 'Lever' } as const

const resultSchema = z
  .object({
    status: z.enum(['screened', 'already-screened', 'hire-recorded', 'ping', 'ignored', 'duplicate']),
    applicationId: z.string().nullable().describe('The stored application the event was about, when there is one.'),
    reason: z.string().optional().describe('Why an event was acknowledged without action.'),
  })
  .meta({ id: 'AtsWebhookResult' })

/**
 * `POST /v1/webhooks/greenhouse`, `/ashby` and `/lever`: ATS webhooks into the screening pipeline. The signature is
 * checked on the raw body in constant time before anything else (401 SIGNATURE_INVALID); the body is then read by the
 * vendor's reader and acted on (see `handleInboundEvent`). No API key or session: the signature is the credential.
 * A Lever token is accepted once (Lever's signature does not cover the ids in the body).
 */
export async function registerAtsWebhookRoutes(app: FastifyInstance, options: AtsWebhookRoutesOptions): Promise<void> {
  const env = options.env ?? process.env
  const secrets = options.secrets ?? atsWebhookSecretsFromEnv(env)
  const lever = 'lever' in options ? options.lever : leverApiFromEnv(env)
  const now = options.now ?? (() => new Date())
  for (const vendor of inboundWebhookVendors) {
    if ((secrets[vendor] ?? []).length === 0) {
      app.log.warn(
        { vendor, variable: atsWebhookSecretVariables[vendor] },
        'no signing secret configured: every webhook from this ATS is refused',
      )
    }
  }

  await app.register((scope, _options, done) => {
    keepRawJsonBody(scope)
    const typed = scope.withTypeProvider<ZodTypeProvider>()
    for (const vendor of inboundWebhookVendors) {
      typed.post(
        `/v1/webhooks/${vendor}`,
        {
          preValidation: webhookSignatureHook({ vendor, secrets: () => secrets[vendor] ?? [] }),
          schema: {
            tags: ['ats webhooks'],
            summary: `Receive a ${vendorNames[vendor]} webhook (signed; see docs/webhooks.md)`,
            body: z.unknown(),
            response: {
              200: resultSchema,
              202: resultSchema,
              400: errorResponseSchema,
              401: errorResponseSchema,
              409: errorResponseSchema,
              503: errorResponseSchema,
            },
          },
        },
        async (request, reply) => {
          const event = readers[vendor](request.body)
          const token = vendor === 'lever' ? leverToken(request.body) : undefined
          if (
            token !== undefined &&
            isActedOn(event) &&
            !(await options.store.atsWebhookReceipts.claim(vendor, token))
          ) {
            request.log.info({ vendor, eventType: eventTypeOf(request.body) }, 'ats webhook token seen before')
            return reply.code(200).send({ status: 'duplicate', applicationId: null })
          }
          try {
            const result = await handleInboundEvent(event, {
              vendor,
              store: options.store,
              screening: options.screening,
              lever,
              body: request.body,
              receivedAt: now(),
              log: request.log,
            })
            // Event types and outcomes only: bodies carry personal data.
            request.log.info(
              { vendor, eventType: eventTypeOf(request.body), status: result.body.status },
              'ats webhook handled',
            )
            return await reply.code(result.statusCode).send(result.body)
          } catch (error) {
            // Unhandled: the vendor retries with the same token, which must then be accepted.
            if (token !== undefined && isActedOn(event)) await options.store.atsWebhookReceipts.release(vendor, token)
            throw error
          }
        },
      )
    }
    done()
  })
}

/** Events that change something; a replayed ping or unknown event is harmless and needs no token. */
function isActedOn(event: InboundEvent): boolean {
  return event.kind === 'screen' || event.kind === 'hire' || event.kind === 'fetch'
}

function leverToken(body: unknown): string | undefined {
  return isJsonObject(body) ? textAt(body, 'token') : undefined
}

/** The vendor's event name, cut short: it is logged, and the sender chose it. */
function eventTypeOf(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined
  return (textAt(body, 'action') ?? textAt(body, 'event'))?.slice(0, 64)
}
