import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, WebhookDeliveriesTable } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { toJson } from '../database/json-text.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import type { DeliveryStatus } from '../store-vocabularies.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

export type NewOutboxEvent = {
  /** The event id (Standard Webhooks `webhook-id`), the same on every retry; default a new UUID. */
  readonly id?: string
  /** `screening.completed`, `screening.outcome_changed`, `case.decided`... */
  readonly type: string
  readonly payload: unknown
}

/** One event's delivery to one subscription, as the API shows it. */
export type WebhookDelivery = {
  readonly id: string
  readonly eventId: string
  readonly eventType: string
  readonly subscriptionId: string
  readonly status: DeliveryStatus
  /** Attempts started so far (claims). */
  readonly attempts: number
  readonly nextAttemptAt: Date
  readonly lastAttemptAt: Date | null
  readonly lastStatusCode: number | null
  readonly lastError: string | null
  readonly deliveredAt: Date | null
  readonly createdAt: Date
}

/** A delivery a worker claimed: everything needed to sign and send it. */
export type ClaimedDelivery = {
  readonly deliveryId: string
  /** This attempt's number, from 1. */
  readonly attempt: number
  readonly eventId: string
  readonly eventType: string
  readonly payload: unknown
  readonly eventCreatedAt: Date
  readonly subscriptionId: string
  readonly url: string
  readonly secret: string
  /** The subscription's secret before a rotation, while it is still valid: sign with both. */
  readonly previousSecret: string | null
}

export type DeliveryFailure = { readonly error: string; readonly statusCode?: number }

export type DeliveryFilter = {
  readonly subscriptionId?: string
  readonly eventId?: string
  readonly eventType?: string
  readonly status?: DeliveryStatus
}

export type WebhookOutbox = {
  /**
   * Writes the event and one pending delivery per enabled subscription to its type. Call it in the transaction that
   * makes the change the event reports (`store.transaction`), so the event exists exactly when the change does.
   */
  enqueue(event: NewOutboxEvent): Promise<{ readonly eventId: string; readonly deliveries: number }>
  /**
   * Claims up to `limit` (default 10) due deliveries with `FOR UPDATE SKIP LOCKED`, so concurrent workers never
   * claim the same one, and leases them for `leaseMs` (default 60 s): a worker that dies before marking its
   * delivery lets another retry it when the lease ends. Each claim counts as an attempt.
   */
  claimDue(options?: { readonly limit?: number; readonly leaseMs?: number }): Promise<readonly ClaimedDelivery[]>
  markDelivered(deliveryId: string, statusCode?: number): Promise<void>
  /** The attempt failed; the next one is due `retryAfterMs` from now (the database's clock). */
  markFailed(deliveryId: string, failure: DeliveryFailure & { readonly retryAfterMs: number }): Promise<void>
  /** The last attempt failed: no more retries unless someone calls `retry`. */
  markDead(deliveryId: string, failure: DeliveryFailure): Promise<void>
  /** Makes a dead (or waiting) delivery due now; `not-found` when it is unknown or already delivered. */
  retry(deliveryId: string): Promise<WebhookDelivery>
  find(deliveryId: string): Promise<WebhookDelivery | undefined>
  /** Newest first. */
  list(filter?: DeliveryFilter, request?: PageRequest): Promise<Page<WebhookDelivery>>
}

export function createWebhookOutbox(db: Kysely<Database>): WebhookOutbox {
  const selectDeliveries = () =>
    db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
      .selectAll('d')
      .select('e.type as event_type')
  const findDelivery = async (deliveryId: string): Promise<WebhookDelivery | undefined> => {
    if (!isUuid(deliveryId)) return undefined
    const row = await selectDeliveries().where('d.id', '=', deliveryId).executeTakeFirst()
    return row && toDelivery(row)
  }

  const finishAttempt = async (
    deliveryId: string,
    changes: {
      readonly status: DeliveryStatus
      readonly statusCode: number | undefined
      readonly error: string | null
      readonly retryAfterMs?: number
    },
  ): Promise<void> => {
    if (!isUuid(deliveryId)) return
    await db
      .updateTable('webhook_deliveries')
      .set({
        status: changes.status,
        last_status_code: changes.statusCode ?? null,
        last_error: changes.error,
        ...(changes.status === 'delivered' ? { delivered_at: sql<Date>`now()` } : {}),
        ...(changes.retryAfterMs === undefined
          ? {}
          : { next_attempt_at: sql<Date>`now() + make_interval(secs => ${changes.retryAfterMs / 1000})` }),
      })
      .where('id', '=', deliveryId)
      // A delivery already delivered or dead stays so, even if a slow worker reports late.
      .where('status', '=', 'pending')
      .execute()
  }

  return {
    enqueue: (event) =>
      translatingErrors(async () => {
        const inserted = await db
          .insertInto('outbox_events')
          .values({
            ...(event.id === undefined ? {} : { id: event.id }),
            type: event.type,
            payload: toJson(event.payload),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        const result = await db
          .insertInto('webhook_deliveries')
          .columns(['event_id', 'subscription_id', 'status', 'next_attempt_at'])
          .expression((eb) =>
            eb
              .selectFrom('webhook_subscriptions as s')
              .select([
                sql<string>`${inserted.id}::uuid`.as('event_id'),
                's.id',
                sql<DeliveryStatus>`'pending'`.as('status'),
                sql<Date>`now()`.as('next_attempt_at'),
              ])
              .where('s.disabled_at', 'is', null)
              .where(sql<boolean>`(${event.type} = any(s.event_types) or '*' = any(s.event_types))`),
          )
          .executeTakeFirst()
        return { eventId: inserted.id, deliveries: Number(result.numInsertedOrUpdatedRows ?? 0) }
      }),
    claimDue: async (options = {}) => {
      const limit = options.limit ?? 10
      const leaseSeconds = (options.leaseMs ?? 60_000) / 1000
      const rows = await db
        .with('due', (qb) =>
          qb
            .selectFrom('webhook_deliveries as d')
            .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
            .select('d.id')
            .where('d.status', '=', 'pending')
            .where('d.next_attempt_at', '<=', sql<Date>`now()`)
            .where('s.disabled_at', 'is', null)
            .orderBy('d.next_attempt_at')
            .orderBy('d.id')
            .limit(limit)
            .forUpdate('d')
            .skipLocked(),
        )
        .updateTable('webhook_deliveries as d')
        .from(['due', 'outbox_events as e', 'webhook_subscriptions as s'])
        .set((eb) => ({
          attempts: eb('d.attempts', '+', 1),
          last_attempt_at: sql<Date>`now()`,
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`,
        }))
        .whereRef('d.id', '=', 'due.id')
        .whereRef('e.id', '=', 'd.event_id')
        .whereRef('s.id', '=', 'd.subscription_id')
        .returning([
          'd.id',
          'd.attempts',
          'd.event_id',
          'e.type',
          'e.payload',
          'e.created_at',
          'd.subscription_id',
          's.url',
          's.secret',
          sql<string | null>`case when s.previous_secret_expires_at > now() then s.previous_secret end`.as(
            'previous_secret',
          ),
        ])
        .execute()
      return rows.map((row) => ({
        deliveryId: row.id,
        attempt: row.attempts,
        eventId: row.event_id,
        eventType: row.type,
        payload: row.payload,
        eventCreatedAt: row.created_at,
        subscriptionId: row.subscription_id,
        url: row.url,
        secret: row.secret,
        previousSecret: row.previous_secret,
      }))
    },
    markDelivered: (deliveryId, statusCode) =>
      finishAttempt(deliveryId, { status: 'delivered', statusCode, error: null }),
    markFailed: (deliveryId, failure) =>
      finishAttempt(deliveryId, {
        status: 'pending',
        statusCode: failure.statusCode,
        error: failure.error,
        retryAfterMs: Math.max(0, failure.retryAfterMs),
      }),
    markDead: (deliveryId, failure) =>
      finishAttempt(deliveryId, { status: 'dead', statusCode: failure.statusCode, error: failure.error }),
    retry: async (deliveryId) => {
      const row = isUuid(deliveryId)
        ? await db
            .updateTable('webhook_deliveries')
            .set({ status: 'pending', next_attempt_at: sql<Date>`now()` })
            .where('id', '=', deliveryId)
            .where('status', '<>', 'delivered')
            .returning('id')
            .executeTakeFirst()
        : undefined
      const delivery = row && (await findDelivery(row.id))
      if (!delivery)
        throw new StoreError('not-found', `No undelivered webhook delivery ${deliveryId}`, { target: 'deliveryId' })
      return delivery
    },
    find: (deliveryId) => findDelivery(deliveryId),
    list: (filter = {}, request = {}) =>
      translatingErrors(async () => {
        const limit = pageLimit(request)
        const ids = [filter.subscriptionId, filter.eventId].filter((id) => id !== undefined)
        if (!ids.every(isUuid)) return { items: [], nextCursor: undefined }
        let query = selectDeliveries()
        if (filter.subscriptionId !== undefined) query = query.where('d.subscription_id', '=', filter.subscriptionId)
        if (filter.eventId !== undefined) query = query.where('d.event_id', '=', filter.eventId)
        if (filter.eventType !== undefined) query = query.where('e.type', '=', filter.eventType)
        if (filter.status !== undefined) query = query.where('d.status', '=', filter.status)
        if (request.after !== undefined) {
          const [time, id] = decodeCursor('webhook-deliveries', request.after, ['number', 'string'])
          if (!isUuid(id)) throw new StoreError('invalid-cursor', 'The cursor is not one this list issued')
          query = query.where(sql<boolean>`(d.created_at, d.id) < (${new Date(time)}::timestamptz, ${id}::uuid)`)
        }
        const rows = await query
          .orderBy('d.created_at', 'desc')
          .orderBy('d.id', 'desc')
          .limit(limit + 1)
          .execute()
        return toPage(rows, limit, toDelivery, (row) =>
          encodeCursor('webhook-deliveries', [row.created_at.getTime(), row.id]),
        )
      }),
  }
}

function toDelivery(row: Selectable<WebhookDeliveriesTable> & { readonly event_type: string }): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    subscriptionId: row.subscription_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  }
}
