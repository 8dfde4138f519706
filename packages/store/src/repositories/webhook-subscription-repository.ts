import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, WebhookSubscriptionsTable } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { StoreError, translatingErrors } from '../database/store-error.js'

/** Where to send which events. `*` in `eventTypes` subscribes to every event. */
export type WebhookSubscription = {
  readonly id: string
  readonly url: string
  /** The signing secret (Standard Webhooks `whsec_...`): kept as is because the server signs with it. */
  readonly secret: string
  readonly eventTypes: readonly string[]
  readonly description: string | null
  readonly createdBy: string
  readonly createdAt: Date
  readonly disabledAt: Date | null
  /** The secret before the last rotation: deliveries are signed with both until `previousSecretExpiresAt`. */
  readonly previousSecret: string | null
  readonly previousSecretExpiresAt: Date | null
}

export type NewWebhookSubscription = {
  readonly url: string
  readonly secret: string
  readonly eventTypes: readonly string[]
  readonly description?: string
  readonly createdBy: string
}

export type WebhookSubscriptionRepository = {
  /** An `invalid-value` StoreError for a URL that is not http(s) or no event types. */
  create(subscription: NewWebhookSubscription): Promise<WebhookSubscription>
  find(id: string): Promise<WebhookSubscription | undefined>
  /** Every subscription, oldest first. */
  list(): Promise<readonly WebhookSubscription[]>
  /** Stops new deliveries; pending ones wait until it is enabled again. */
  disable(id: string): Promise<WebhookSubscription>
  enable(id: string): Promise<WebhookSubscription>
  /**
   * Replaces the signing secret. Deliveries are signed with the new and the old one (Standard Webhooks sends one
   * signature per secret) for `keepPreviousForMs` (default 24 h; 0 drops the old one at once, after a leak).
   */
  rotateSecret(
    id: string,
    rotation: { readonly secret: string; readonly keepPreviousForMs?: number },
  ): Promise<WebhookSubscription>
}

/** How long a rotated-out secret still signs deliveries by default: a day for receivers to switch. */
export const defaultPreviousSecretLifetimeMs = 86_400_000

export function createWebhookSubscriptionRepository(db: Kysely<Database>): WebhookSubscriptionRepository {
  const setDisabled = async (id: string, isDisabled: boolean): Promise<WebhookSubscription> => {
    const row = isUuid(id)
      ? await db
          .updateTable('webhook_subscriptions')
          .set({ disabled_at: isDisabled ? sql<Date>`coalesce(disabled_at, now())` : null })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst()
      : undefined
    if (!row) throw new StoreError('not-found', `No webhook subscription ${id}`, { target: 'subscriptionId' })
    return toSubscription(row)
  }

  return {
    create: (subscription) =>
      translatingErrors(async () => {
        const row = await db
          .insertInto('webhook_subscriptions')
          .values({
            url: subscription.url,
            secret: subscription.secret,
            event_types: [...new Set(subscription.eventTypes)],
            description: subscription.description ?? null,
            created_by: subscription.createdBy,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toSubscription(row)
      }),
    find: async (id) => {
      if (!isUuid(id)) return undefined
      const row = await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toSubscription(row)
    },
    list: async () =>
      (await db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute()).map(
        toSubscription,
      ),
    disable: (id) => setDisabled(id, true),
    enable: (id) => setDisabled(id, false),
    rotateSecret: (id, rotation) =>
      translatingErrors(async () => {
        const keepSeconds = Math.max(0, rotation.keepPreviousForMs ?? defaultPreviousSecretLifetimeMs) / 1000
        const row = isUuid(id)
          ? await db
              .updateTable('webhook_subscriptions')
              .set({
                secret: rotation.secret,
                previous_secret: keepSeconds > 0 ? sql<string>`secret` : null,
                previous_secret_expires_at:
                  keepSeconds > 0 ? sql<Date>`now() + make_interval(secs => ${keepSeconds})` : null,
              })
              .where('id', '=', id)
              .returningAll()
              .executeTakeFirst()
          : undefined
        if (!row) throw new StoreError('not-found', `No webhook subscription ${id}`, { target: 'subscriptionId' })
        return toSubscription(row)
      }),
  }
}

function toSubscription(row: Selectable<WebhookSubscriptionsTable>): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    secret: row.secret,
    eventTypes: row.event_types,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: row.previous_secret_expires_at,
  }
}
