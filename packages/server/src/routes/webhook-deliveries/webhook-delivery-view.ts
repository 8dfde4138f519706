import { deliveryStatuses, type WebhookDelivery } from '@hirewall/store'
import { z } from 'zod'

/** One event's delivery to one subscription, as the API shows it (no payload: read the event's subject instead). */
export const webhookDeliveryViewSchema = z
  .object({
    id: z.string(),
    eventId: z.string().describe('The `webhook-id` header receivers see, the same on every attempt.'),
    eventType: z.string(),
    subscriptionId: z.string(),
    status: z.enum(deliveryStatuses).describe('`pending` (also between retries), `delivered`, or `dead`.'),
    attempts: z.number().int().describe('Attempts started so far.'),
    nextAttemptAt: z.iso.datetime().describe('When a pending delivery is tried next.'),
    lastAttemptAt: z.iso.datetime().nullable(),
    lastStatusCode: z.number().int().nullable().describe("The receiver's last HTTP status, if it answered."),
    lastError: z
      .string()
      .nullable()
      .describe('Why the last attempt failed: `HTTP 503`, `network error: …`, a timeout.'),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookDelivery' })

/** One of {@link webhookDeliveryViewSchema}. */
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>

/** The API's view of a stored delivery. */
export function toWebhookDeliveryView(delivery: WebhookDelivery): WebhookDeliveryView {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    subscriptionId: delivery.subscriptionId,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt.toISOString(),
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
  }
}
