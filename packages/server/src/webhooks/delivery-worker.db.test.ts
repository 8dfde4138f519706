import {
  openStore,
  openTimeoutMs,
  storeTestTargets,
  type Store,
  type TestDatabase,
  type WebhookDelivery,
} from '@hirewall/store'
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createServerMetrics, type ServerMetrics } from '../ops/server-metrics.js'
import { startWebhookReceiver, unusedPort, type WebhookReceiver } from '../testing/webhook-receiver.js'
import { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.js'
import { generateWebhookSecret } from './standard-webhook-signer.js'

const shortSchedule = [20, 20] as const

/** Polls the store until the event's delivery satisfies `isDone` (bounded: a broken worker fails the test, never hangs it). */
async function deliveryOf(
  store: Store,
  eventId: string,
  isDone: (delivery: WebhookDelivery) => boolean,
): Promise<WebhookDelivery> {
  let last: WebhookDelivery | undefined
  for (let round = 0; round < 400; round++) {
    last = (await store.outbox.list({ eventId })).items[0]
    if (last !== undefined && isDone(last)) return last
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`delivery of ${eventId} never got there; last seen ${JSON.stringify(last)}`)
}

async function failureCount(metrics: ServerMetrics, reason: string): Promise<number> {
  const line = (await metrics.render())
    .split('\n')
    .find((text) => text.startsWith(`hirewall_webhook_delivery_failures_total{reason="${reason}"}`))
  return Number(line?.split(' ').at(-1))
}

describe.each(storeTestTargets())('the webhook delivery worker on $name', ({ open }) => {
  let database: TestDatabase
  let store: Store
  const workers: DeliveryWorker[] = []
  const receivers: WebhookReceiver[] = []
  let metrics: ServerMetrics

  beforeAll(async () => {
    database = await open()
    store = database.store
  }, openTimeoutMs)
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()))
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()))
  })
  afterAll(() => database.dispose())

  const receiver = async (...args: Parameters<typeof startWebhookReceiver>): Promise<WebhookReceiver> => {
    const started = await startWebhookReceiver(...args)
    receivers.push(started)
    return started
  }
  const worker = (options: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker => {
    metrics = createServerMetrics({ processMetrics: false })
    const started = startDeliveryWorker({
      outbox: store.outbox,
      metrics,
      pollIntervalMs: 20,
      retryDelaysMs: shortSchedule,
      ...options,
    })
    workers.push(started)
    return started
  }
  /** A subscription of its own event type, so each test sees only its own deliveries. */
  const subscribe = async (url: string, eventType: string): Promise<string> => {
    const secret = generateWebhookSecret()
    await store.webhookSubscriptions.create({ url, secret, eventTypes: [eventType], createdBy: 'test' })
    return secret
  }

  it('delivers an event signed the Standard Webhooks way, which the standardwebhooks package verifies', async () => {
    const target = await receiver()
    const secret = await subscribe(target.url, 'test.signed')
    const { eventId } = await store.outbox.enqueue({
      type: 'test.signed',
      payload: { applicationId: 'greenhouse:1', outcome: 'hold', score: 91.5 },
    })
    worker()
    const [request] = await target.waitForRequests(1)
    if (request === undefined) throw new Error('expected a request')
    expect(request.method).toBe('POST')
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers['webhook-id']).toBe(eventId)
    const verified = new Webhook(secret).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    })
    expect(verified).toMatchObject({
      type: 'test.signed',
      data: { applicationId: 'greenhouse:1', outcome: 'hold', score: 91.5 },
    })
    expect(() =>
      new Webhook(generateWebhookSecret()).verify(request.body, { ...request.headers } as Record<string, string>),
    ).toThrow()
    expect(await deliveryOf(store, eventId, (delivery) => delivery.status === 'delivered')).toMatchObject({
      attempts: 1,
      lastStatusCode: 204,
      lastError: null,
    })
  })

  it('retries a receiver that answers 500, with the same webhook-id, until it answers 200', async () => {
    const target = await receiver({ respond: (_request, index) => (index === 0 ? 500 : 200) })
    const secret = await subscribe(target.url, 'test.flaky')
    const { eventId } = await store.outbox.enqueue({ type: 'test.flaky', payload: { n: 1 } })
    worker()
    const delivered = await deliveryOf(store, eventId, (delivery) => delivery.status === 'delivered')
    expect(delivered).toMatchObject({ attempts: 2, lastStatusCode: 200 })
    expect(target.received.map((request) => request.headers['webhook-id'])).toEqual([eventId, eventId])
    for (const request of target.received) {
      expect(() => new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).not.toThrow()
    }
    expect(await failureCount(metrics, 'http-status')).toBe(1)
  })

  it('leaves a delivery dead after the last attempt to a receiver that is down, and counts each failure', async () => {
    const port = await unusedPort()
    await subscribe(`http://127.0.0.1:${port}/hook`, 'test.down')
    const { eventId } = await store.outbox.enqueue({ type: 'test.down', payload: {} })
    worker()
    const dead = await deliveryOf(store, eventId, (delivery) => delivery.status === 'dead')
    expect(dead.attempts).toBe(shortSchedule.length + 1)
    expect(dead.lastStatusCode).toBeNull()
    expect(dead.lastError).toMatch(/^network error: .*ECONNREFUSED/)
    expect(await failureCount(metrics, 'network')).toBe(shortSchedule.length + 1)
  })

  it('gives up at once on 410 Gone, and does not follow a redirect', async () => {
    const gone = await receiver({ respond: () => 410 })
    await subscribe(gone.url, 'test.gone')
    const moved = await receiver({ respond: (request) => (request.path === '/hook' ? 301 : 204) })
    await subscribe(moved.url, 'test.moved')
    const goneEvent = await store.outbox.enqueue({ type: 'test.gone', payload: {} })
    const movedEvent = await store.outbox.enqueue({ type: 'test.moved', payload: {} })
    worker({ retryDelaysMs: [] })
    expect(await deliveryOf(store, goneEvent.eventId, (delivery) => delivery.status === 'dead')).toMatchObject({
      attempts: 1,
      lastStatusCode: 410,
      lastError: 'HTTP 410',
    })
    expect(await deliveryOf(store, movedEvent.eventId, (delivery) => delivery.status === 'dead')).toMatchObject({
      attempts: 1,
      lastStatusCode: 301,
    })
    expect(moved.received.map((request) => request.path)).toEqual(['/hook'])
  })

  it('fails an attempt the receiver does not answer in time', async () => {
    let release: () => void = () => undefined
    const held = new Promise<number>((resolve) => {
      release = () => resolve(200)
    })
    const slow = await receiver({ respond: () => held })
    await subscribe(slow.url, 'test.slow')
    const { eventId } = await store.outbox.enqueue({ type: 'test.slow', payload: {} })
    worker({ timeoutMs: 100, retryDelaysMs: [] })
    const dead = await deliveryOf(store, eventId, (delivery) => delivery.status === 'dead')
    release()
    expect(dead).toMatchObject({ attempts: 1, lastStatusCode: null, lastError: 'no response in 100 ms' })
    expect(await failureCount(metrics, 'timeout')).toBe(1)
  })

  it('signs with the old and the new secret after a rotation, so receivers can switch at their pace', async () => {
    const target = await receiver()
    const oldSecret = generateWebhookSecret()
    const subscription = await store.webhookSubscriptions.create({
      url: target.url,
      secret: oldSecret,
      eventTypes: ['test.rotated'],
      createdBy: 'test',
    })
    const newSecret = generateWebhookSecret()
    await store.webhookSubscriptions.rotateSecret(subscription.id, { secret: newSecret })
    await store.outbox.enqueue({ type: 'test.rotated', payload: {} })
    worker()
    const [request] = await target.waitForRequests(1)
    if (request === undefined) throw new Error('expected a request')
    const headers = request.headers as Record<string, string>
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2)
    expect(() => new Webhook(oldSecret).verify(request.body, headers)).not.toThrow()
    expect(() => new Webhook(newSecret).verify(request.body, headers)).not.toThrow()
  })

  it('finishes the attempt in flight before it stops', async () => {
    let release: () => void = () => undefined
    const held = new Promise<number>((resolve) => {
      release = () => resolve(204)
    })
    const slow = await receiver({ respond: () => held })
    await subscribe(slow.url, 'test.stopping')
    const { eventId } = await store.outbox.enqueue({ type: 'test.stopping', payload: {} })
    const running = worker()
    await slow.waitForRequests(1)
    const stopped = running.stop()
    release()
    await stopped
    expect((await store.outbox.list({ eventId })).items[0]).toMatchObject({ status: 'delivered', attempts: 1 })
  })

  it('wakes up for a delivery made due, without waiting for its next poll', async () => {
    const target = await receiver()
    await subscribe(target.url, 'test.woken')
    const sleepy = worker({ pollIntervalMs: 3_600_000 })
    // Its first claim found nothing (or this test's event, which is fine too); it now sleeps for an hour.
    const { eventId } = await store.outbox.enqueue({ type: 'test.woken', payload: {} })
    sleepy.wake()
    expect(await deliveryOf(store, eventId, (delivery) => delivery.status === 'delivered')).toMatchObject({
      attempts: 1,
    })
  })
})

describe.each(storeTestTargets())('two delivery workers on one outbox on $name', ({ name, open }) => {
  let database: TestDatabase
  let second: Store
  beforeAll(async () => {
    database = await open()
    // Two processes on a server: two stores, each with its own pool. PGlite has a single session to share.
    second = name === 'postgres' ? await openStore(database.options) : database.store
  }, openTimeoutMs)
  afterAll(async () => {
    if (second !== database.store) await second.close()
    await database.dispose()
  })

  it('never deliver one attempt twice, and deliver everything', async () => {
    const inFlight = new Set<string>()
    const overlaps: string[] = []
    const target = await startWebhookReceiver({
      respond: async (request) => {
        const id = String(request.headers['webhook-id'])
        if (inFlight.has(id)) overlaps.push(id)
        inFlight.add(id)
        await new Promise((resolve) => setTimeout(resolve, 5))
        inFlight.delete(id)
        return 204
      },
    })
    const events = 40
    try {
      await database.store.webhookSubscriptions.create({
        url: target.url,
        secret: generateWebhookSecret(),
        eventTypes: ['test.shared'],
        createdBy: 'test',
      })
      const eventIds: string[] = []
      for (let index = 0; index < events; index++) {
        eventIds.push((await database.store.outbox.enqueue({ type: 'test.shared', payload: { index } })).eventId)
      }
      const options = { pollIntervalMs: 10, batchSize: 3, retryDelaysMs: [] }
      const workers = [
        startDeliveryWorker({ ...options, outbox: database.store.outbox }),
        startDeliveryWorker({ ...options, outbox: second.outbox }),
      ]
      try {
        await target.waitForRequests(events)
        for (const eventId of eventIds) {
          await deliveryOf(database.store, eventId, (delivery) => delivery.status === 'delivered')
        }
      } finally {
        await Promise.all(workers.map((running) => running.stop()))
      }
      const ids = target.received.map((request) => String(request.headers['webhook-id']))
      expect(ids).toHaveLength(events)
      expect(new Set(ids)).toEqual(new Set(eventIds))
      expect(overlaps).toEqual([])
      const delivered = await database.store.outbox.list(
        { eventType: 'test.shared', status: 'delivered' },
        { limit: 500 },
      )
      expect(delivered.items.every((delivery) => delivery.attempts === 1)).toBe(true)
      expect(delivered.items).toHaveLength(events)
    } finally {
      await target.close()
    }
  })
})
