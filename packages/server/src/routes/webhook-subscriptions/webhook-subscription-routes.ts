import type { Store } from '@hirewall/store'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { describePrincipal } from '../../auth/principal.js'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { subscribableEventTypes } from '../../webhooks/outbound-event-types.js'
import { generateWebhookSecret } from '../../webhooks/standard-webhook-signer.js'
import { webhookStoreError } from './store-error-response.js'
import { toWebhookSubscriptionView, webhookSubscriptionViewSchema } from './webhook-subscription-view.js'

/** Options of {@link registerWebhookSubscriptionRoutes}. */
export type WebhookSubscriptionRoutesOptions = {
  readonly store: Store
}

const idParams = z.object({ id: z.string().describe('The subscription id.') })
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
const withSecret = z
  .object({
    subscription: webhookSubscriptionViewSchema,
    secret: z.string().describe('The signing secret (`whsec_…`), shown this once: store it with the receiver.'),
  })
  .meta({ id: 'WebhookSubscriptionWithSecret' })

const createBody = z.object({
  url: z
    .url({ protocol: /^https?$/, hostname: /^.+$/ })
    .max(2048)
    .describe('Where to POST events: http or https. Use https outside a private network.'),
  eventTypes: z
    .array(z.enum(subscribableEventTypes))
    .min(1)
    .max(subscribableEventTypes.length)
    .describe('The events to deliver; `*` for all, including ones added later.'),
  description: z.string().trim().min(1).max(500).optional(),
})

const rotateBody = z
  .object({
    keepPreviousForSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .optional()
      .describe(
        'How long deliveries are still signed with the old secret too; 86400 (a day) by default, 0 after a leak.',
      ),
  })
  // A request without a body reaches the schema as null.
  .nullish()

/**
 * Outbound webhook subscriptions, all under `webhooks.manage` (admins, and API keys with the admin scope): a
 * subscription makes HireWall POST to any URL it names, so only those who may see every event may create one.
 * Secrets are generated here and shown once; every change is written to the audit log.
 */
export function registerWebhookSubscriptionRoutes(
  app: FastifyInstance,
  options: WebhookSubscriptionRoutesOptions,
): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()
  const guard = requirePermission('webhooks.manage')
  const actorOf = (request: FastifyRequest): string =>
    request.principal === null ? 'unknown' : describePrincipal(request.principal)

  typed.post(
    '/v1/webhook-subscriptions',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'Create a subscription; the response shows its signing secret once',
        body: createBody,
        response: { 201: withSecret, ...errors },
      },
    },
    async (request, reply) => {
      const secret = generateWebhookSecret()
      const actor = actorOf(request)
      const subscription = await store.transaction(async (repositories) => {
        const created = await repositories.webhookSubscriptions.create({
          url: request.body.url,
          secret,
          eventTypes: request.body.eventTypes,
          ...(request.body.description === undefined ? {} : { description: request.body.description }),
          createdBy: actor,
        })
        await repositories.audit.append({
          actor,
          action: 'webhook-subscription.created',
          target: `webhook-subscription:${created.id}`,
          details: { url: created.url, eventTypes: created.eventTypes },
        })
        return created
      })
      return reply.code(201).send({ subscription: toWebhookSubscriptionView(subscription), secret })
    },
  )

  typed.get(
    '/v1/webhook-subscriptions',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'List every subscription, oldest first',
        response: { 200: z.object({ items: z.array(webhookSubscriptionViewSchema) }), ...errors },
      },
    },
    async () => ({ items: (await store.webhookSubscriptions.list()).map((item) => toWebhookSubscriptionView(item)) }),
  )

  typed.get(
    '/v1/webhook-subscriptions/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'One subscription',
        params: idParams,
        response: { 200: webhookSubscriptionViewSchema, 404: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const subscription = await store.webhookSubscriptions.find(request.params.id)
      if (subscription === undefined) throw new ApiError('NOT_FOUND', 'No such webhook subscription.', {})
      return toWebhookSubscriptionView(subscription)
    },
  )

  for (const change of ['disable', 'enable'] as const) {
    typed.post(
      `/v1/webhook-subscriptions/:id/${change}`,
      {
        preHandler: guard,
        schema: {
          tags: ['webhooks'],
          summary:
            change === 'disable'
              ? 'Stop delivering to a subscription (pending deliveries wait until it is enabled)'
              : 'Deliver to a disabled subscription again, pending deliveries first',
          params: idParams,
          response: { 200: webhookSubscriptionViewSchema, 404: errorResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request)
        const subscription = await store
          .transaction(async (repositories) => {
            const changed = await repositories.webhookSubscriptions[change](request.params.id)
            await repositories.audit.append({
              actor,
              action: `webhook-subscription.${change}d`,
              target: `webhook-subscription:${changed.id}`,
            })
            return changed
          })
          .catch((error: unknown) => {
            throw webhookStoreError(error, 'webhook subscription')
          })
        return toWebhookSubscriptionView(subscription)
      },
    )
  }

  typed.post(
    '/v1/webhook-subscriptions/:id/rotate-secret',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'Replace the signing secret; the response shows the new one once',
        params: idParams,
        body: rotateBody,
        response: { 200: withSecret, 404: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const secret = generateWebhookSecret()
      const actor = actorOf(request)
      const keepSeconds = request.body?.keepPreviousForSeconds
      const subscription = await store
        .transaction(async (repositories) => {
          const rotated = await repositories.webhookSubscriptions.rotateSecret(request.params.id, {
            secret,
            ...(keepSeconds === undefined ? {} : { keepPreviousForMs: keepSeconds * 1000 }),
          })
          await repositories.audit.append({
            actor,
            action: 'webhook-subscription.secret-rotated',
            target: `webhook-subscription:${rotated.id}`,
            details: { previousSecretExpiresAt: rotated.previousSecretExpiresAt?.toISOString() ?? null },
          })
          return rotated
        })
        .catch((error: unknown) => {
          throw webhookStoreError(error, 'webhook subscription')
        })
      return { subscription: toWebhookSubscriptionView(subscription), secret }
    },
  )
}
