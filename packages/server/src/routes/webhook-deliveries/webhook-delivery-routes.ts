import { deliveryStatuses, type Store } from '@hirewall/store'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { describePrincipal } from '../../auth/principal.js'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { webhookStoreError } from '../webhook-subscriptions/store-error-response.js'
import { toWebhookDeliveryView, webhookDeliveryViewSchema } from './webhook-delivery-view.js'

/** Options of {@link registerWebhookDeliveryRoutes}. */
export type WebhookDeliveryRoutesOptions = {
  readonly store: Store
  /** Called after a retry is requested, so the delivery worker sends it now rather than at its next poll. */
  readonly onRetry?: (() => void) | undefined
}

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
const listQuery = z.object({
  status: z.enum(deliveryStatuses).optional(),
  subscriptionId: z.string().optional(),
  eventId: z.string().optional().describe('One event (the `webhook-id` receivers saw).'),
  eventType: z.string().max(100).optional().describe('One event type, e.g. `screening.completed`.'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().max(500).optional().describe('`nextCursor` of the previous page.'),
})

/**
 * The delivery log of outbound webhooks, under `webhooks.manage`: list and filter deliveries, newest first, and send
 * a dead (or waiting) delivery again now. A retried delivery keeps its `webhook-id`, so receivers can tell a repeat.
 */
export function registerWebhookDeliveryRoutes(app: FastifyInstance, options: WebhookDeliveryRoutesOptions): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()
  const guard = requirePermission('webhooks.manage')
  const actorOf = (request: FastifyRequest): string =>
    request.principal === null ? 'unknown' : describePrincipal(request.principal)

  typed.get(
    '/v1/webhook-deliveries',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'List deliveries, newest first, by status, subscription or event',
        querystring: listQuery,
        response: {
          200: z.object({ items: z.array(webhookDeliveryViewSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { limit, after, status, subscriptionId, eventId, eventType } = request.query
      const page = await store.outbox
        .list(
          {
            ...(status === undefined ? {} : { status }),
            ...(subscriptionId === undefined ? {} : { subscriptionId }),
            ...(eventId === undefined ? {} : { eventId }),
            ...(eventType === undefined ? {} : { eventType }),
          },
          { limit, ...(after === undefined ? {} : { after }) },
        )
        .catch((error: unknown) => {
          throw webhookStoreError(error, 'webhook delivery')
        })
      return { items: page.items.map(toWebhookDeliveryView), nextCursor: page.nextCursor ?? null }
    },
  )

  typed.post(
    '/v1/webhook-deliveries/:id/retry',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'Send a dead or waiting delivery again now (one more attempt)',
        params: z.object({ id: z.string().describe('The delivery id.') }),
        response: {
          200: webhookDeliveryViewSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const delivery = await store
        .transaction(async (repositories) => {
          const existing = await repositories.outbox.find(request.params.id)
          if (existing?.status === 'delivered') {
            throw new ApiError('CONFLICT', 'This delivery was delivered; there is nothing to retry.', {
              status: existing.status,
            })
          }
          const retried = await repositories.outbox.retry(request.params.id)
          await repositories.audit.append({
            actor,
            action: 'webhook-delivery.retried',
            target: `webhook-delivery:${retried.id}`,
            details: { attempts: retried.attempts, eventType: retried.eventType },
          })
          return retried
        })
        .catch((error: unknown) => {
          throw webhookStoreError(error, 'webhook delivery')
        })
      options.onRetry?.()
      return toWebhookDeliveryView(delivery)
    },
  )
}
