import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { WebhookSubscription } from './webhook-subscription-repository.js'

describe.each(storeTestTargets())('the webhook outbox on $name', ({ open }) => {
  let database: TestDatabase
  let screenings: WebhookSubscription
  let everything: WebhookSubscription
  beforeAll(async () => {
    database = await open()
    const create = (url: string, eventTypes: string[]): Promise<WebhookSubscription> =>
      database.store.webhookSubscriptions.create({ url, secret: 'whsec_test', eventTypes, createdBy: 'user:admin' })
    screenings = await create('https://a.example.com/hook', ['screening.completed'])
    everything = await create('https://b.example.com/hook', ['*'])
    const disabled = await create('https://c.example.com/hook', ['*'])
    await database.store.webhookSubscriptions.disable(disabled.id)
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  /** Claims until nothing is due (bounded), so each test starts from an empty queue. */
  const drain = async (): Promise<void> => {
    for (let round = 0; round < 20; round++) {
      const claimed = await database.store.outbox.claimDue({ limit: 50 })
      if (claimed.length === 0) return
      for (const delivery of claimed) await database.store.outbox.markDelivered(delivery.deliveryId, 200)
    }
  }

  it('fans an event out to the enabled subscriptions to its type, in the caller transaction', async () => {
    await drain()
    const { store } = database
    const { eventId, deliveries } = await store.transaction((repositories) =>
      repositories.outbox.enqueue({ type: 'screening.completed', payload: { applicationId: 'a-1', score: 94.2 } }),
    )
    expect(deliveries).toBe(2)
    const claimed = await store.outbox.claimDue()
    expect(claimed.map((delivery) => delivery.url).sort()).toEqual([
      'https://a.example.com/hook',
      'https://b.example.com/hook',
    ])
    expect(claimed[0]).toMatchObject({
      attempt: 1,
      eventId,
      eventType: 'screening.completed',
      payload: { applicationId: 'a-1', score: 94.2 },
      secret: 'whsec_test',
    })
    expect((await store.outbox.enqueue({ type: 'case.decided', payload: {} })).deliveries).toBe(1)
  })

  it('leaves no event behind when the transaction rolls back', async () => {
    await drain()
    await expect(
      database.store.transaction(async (repositories) => {
        await repositories.outbox.enqueue({ type: 'screening.completed', payload: {} })
        throw new Error('screening failed')
      }),
    ).rejects.toThrow('screening failed')
    expect(await database.store.outbox.claimDue()).toEqual([])
  })

  it('never hands one delivery to two concurrent workers, and leases what it hands out', async () => {
    await drain()
    const { outbox } = database.store
    for (let index = 0; index < 10; index++) await outbox.enqueue({ type: 'case.decided', payload: { index } })
    const claims = await Promise.all([0, 1, 2, 3].map(() => outbox.claimDue({ limit: 4 })))
    const ids = claims.flat().map((delivery) => delivery.deliveryId)
    expect(ids).toHaveLength(10)
    expect(new Set(ids).size).toBe(10)
    expect(await outbox.claimDue()).toEqual([])
  })

  it('retries a failed delivery when due, counting attempts, then gives up as dead', async () => {
    await drain()
    const { outbox } = database.store
    await outbox.enqueue({ type: 'screening.completed', payload: { n: 1 } })
    const [first] = (await outbox.claimDue()).filter((delivery) => delivery.subscriptionId === screenings.id)
    if (!first) throw new Error('expected a delivery to the screenings subscription')
    await outbox.markFailed(first.deliveryId, { error: 'HTTP 503', statusCode: 503, retryAfterMs: 3_600_000 })
    expect((await outbox.claimDue()).map((delivery) => delivery.deliveryId)).not.toContain(first.deliveryId)
    await outbox.retry(first.deliveryId)
    const [second] = await outbox.claimDue()
    expect(second).toMatchObject({ deliveryId: first.deliveryId, attempt: 2 })
    await outbox.markDead(first.deliveryId, { error: 'connect ECONNREFUSED' })
    expect(await outbox.find(first.deliveryId)).toMatchObject({
      status: 'dead',
      attempts: 2,
      lastError: 'connect ECONNREFUSED',
      lastStatusCode: null,
    })
    expect(await outbox.claimDue()).toEqual([])
  })

  it('re-offers a delivery whose lease ran out (its worker died)', async () => {
    await drain()
    const { outbox } = database.store
    await outbox.enqueue({ type: 'screening.completed', payload: {} })
    const first = await outbox.claimDue({ leaseMs: 0 })
    const second = await outbox.claimDue({ leaseMs: 60_000 })
    expect(second.map((delivery) => delivery.deliveryId).sort()).toEqual(
      first.map((delivery) => delivery.deliveryId).sort(),
    )
    expect(second.every((delivery) => delivery.attempt === 2)).toBe(true)
  })

  it('keeps a delivered delivery delivered when a slow worker reports a failure late', async () => {
    await drain()
    const { outbox } = database.store
    await outbox.enqueue({ type: 'case.decided', payload: {} })
    const [claimed] = await outbox.claimDue()
    if (!claimed) throw new Error('expected a delivery')
    await outbox.markDelivered(claimed.deliveryId, 204)
    await outbox.markFailed(claimed.deliveryId, { error: 'timeout', retryAfterMs: 0 })
    expect(await outbox.find(claimed.deliveryId)).toMatchObject({
      status: 'delivered',
      lastStatusCode: 204,
      lastError: null,
    })
    expect((await outbox.find(claimed.deliveryId))?.deliveredAt).toBeInstanceOf(Date)
    await expect(outbox.retry(claimed.deliveryId)).rejects.toMatchObject({ code: 'not-found' })
  })

  it('lists deliveries newest first, by subscription and status, a page at a time', async () => {
    const { outbox } = database.store
    const all = await outbox.list({ subscriptionId: everything.id }, { limit: 500 })
    const seen: string[] = []
    let after: string | undefined
    for (let pages = 0; pages < 100; pages++) {
      const page = await outbox.list(
        { subscriptionId: everything.id },
        { limit: 3, ...(after === undefined ? {} : { after }) },
      )
      seen.push(...page.items.map((item) => item.id))
      after = page.nextCursor
      if (after === undefined) break
    }
    expect(seen).toEqual(all.items.map((item) => item.id))
    expect(all.items.length).toBeGreaterThan(10)
    expect((await outbox.list({ status: 'dead' })).items).toHaveLength(1)
    const decided = await outbox.list({ eventType: 'case.decided' }, { limit: 500 })
    expect(decided.items.length).toBeGreaterThan(0)
    expect(decided.items.every((delivery) => delivery.eventType === 'case.decided')).toBe(true)
    expect((await outbox.list({ subscriptionId: 'not-a-uuid' })).items).toEqual([])
  })
})
