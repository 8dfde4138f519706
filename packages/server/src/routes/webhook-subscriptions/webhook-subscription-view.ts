import type { WebhookSubscription } from '@hirewall/store'
import { z } from 'zod'

/** A webhook subscription as the API shows it: never its secret, which is shown once, when made or rotated. */
export const webhookSubscriptionViewSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()).describe('The event types delivered; `*` is every event.'),
    description: z.string().nullable(),
    createdBy: z.string().describe('Who created it: `user:<id>` or `api-key:<prefix>`.'),
    createdAt: z.iso.datetime(),
    disabledAt: z.iso.datetime().nullable().describe('Set while disabled: no new deliveries; pending ones wait.'),
    previousSecretExpiresAt: z.iso
      .datetime()
      .nullable()
      .describe('After a rotation, deliveries are signed with the old secret too until this time.'),
  })
  .meta({ id: 'WebhookSubscription' })

/** One of {@link webhookSubscriptionViewSchema}. */
export type WebhookSubscriptionView = z.infer<typeof webhookSubscriptionViewSchema>

/** The API's view of a stored subscription. */
export function toWebhookSubscriptionView(
  subscription: WebhookSubscription,
  now = new Date(),
): WebhookSubscriptionView {
  const previousExpiry = subscription.previousSecretExpiresAt
  return {
    id: subscription.id,
    url: subscription.url,
    eventTypes: [...subscription.eventTypes],
    description: subscription.description,
    createdBy: subscription.createdBy,
    createdAt: subscription.createdAt.toISOString(),
    disabledAt: subscription.disabledAt?.toISOString() ?? null,
    previousSecretExpiresAt: previousExpiry !== null && previousExpiry > now ? previousExpiry.toISOString() : null,
  }
}
