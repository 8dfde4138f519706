import { openTimeoutMs, storeTestTargets, type WebhookDelivery } from '@hirewall/store'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../testing/test-app.js'
import { startWebhookReceiver, unusedPort } from '../../testing/webhook-receiver.js'
import { startDeliveryWorker, type DeliveryWorker } from '../../webhooks/delivery-worker.js'
import { generateWebhookSecret } from '../../webhooks/standard-webhook-signer.js'
import { registerWebhookDeliveryRoutes } from './webhook-delivery-routes.js'

type DeliveryView = { id: string; eventId: string; eventType: string; status: string; attempts: number }
type ListBody = { items: DeliveryView[]; nextCursor: string | null }

describe.each(storeTestTargets())('webhook delivery routes on $name', (target) => {
  let test: TestApp
  let worker: DeliveryWorker | undefined
  beforeAll(async () => {
    test = await openTestApp(target)
    registerWebhookDeliveryRoutes(test.app, { store: test.store, onRetry: () => worker?.wake() })
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(async () => {
    await worker?.stop()
    await test.close()
  })

  const list = (query: string, headers = test.keys.admin) =>
    test.app.inject({ method: 'GET', url: `/v1/webhook-deliveries${query}`, headers })
  const retry = (id: string, headers: Record<string, string> = test.keys.admin) =>
    test.app.inject({ method: 'POST', url: `/v1/webhook-deliveries/${id}/retry`, headers })
  const deliveryOf = async (eventId: string, isDone: (d: WebhookDelivery) => boolean): Promise<WebhookDelivery> => {
    let last: WebhookDelivery | undefined
    for (let round = 0; round < 400; round++) {
      last = (await test.store.outbox.list({ eventId })).items[0]
      if (last !== undefined && isDone(last)) return last
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`delivery of ${eventId} never got there; last seen ${JSON.stringify(last)}`)
  }

  it('sends a dead delivery again on request, once its receiver is back, with the same webhook-id', async () => {
    const port = await unusedPort()
    const secret = generateWebhookSecret()
    await test.store.webhookSubscriptions.create({
      url: `http://127.0.0.1:${port}/hook`,
      secret,
      eventTypes: ['screening.completed'],
      createdBy: 'test',
    })
    const { eventId } = await test.store.outbox.enqueue({
      type: 'screening.completed',
      payload: { applicationId: 'greenhouse:5', outcome: 'review' },
    })
    worker = startDeliveryWorker({
      outbox: test.store.outbox,
      metrics: test.app.metrics,
      pollIntervalMs: 20,
      retryDelaysMs: [10, 10],
    })
    const dead = await deliveryOf(eventId, (delivery) => delivery.status === 'dead')
    expect(dead.attempts).toBe(3)

    const deadList = await list(`?status=dead&eventId=${eventId}`)
    expect(deadList.json<ListBody>().items).toEqual([
      expect.objectContaining({ id: dead.id, eventId, eventType: 'screening.completed', status: 'dead', attempts: 3 }),
    ])

    const receiver = await startWebhookReceiver({ port })
    try {
      const retried = await retry(dead.id)
      expect(retried.statusCode).toBe(200)
      expect(retried.json()).toMatchObject({ id: dead.id, status: 'pending' })
      const [request] = await receiver.waitForRequests(1)
      if (request === undefined) throw new Error('expected a request')
      expect(request.headers['webhook-id']).toBe(eventId)
      expect(new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({
        type: 'screening.completed',
        data: { applicationId: 'greenhouse:5', outcome: 'review' },
      })
      expect(await deliveryOf(eventId, (delivery) => delivery.status === 'delivered')).toMatchObject({
        attempts: 4,
        lastStatusCode: 204,
      })
    } finally {
      // Stopped here: later tests list deliveries to hosts that must never be contacted.
      await worker.stop()
      worker = undefined
      await receiver.close()
    }
    expect((await retry(dead.id)).json()).toMatchObject({ error: { code: 'CONFLICT' } })
    const audit = await test.store.audit.list({ target: `webhook-delivery:${dead.id}` })
    expect(audit.items.map((entry) => entry.action)).toEqual(['webhook-delivery.retried'])
    expect(audit.items[0]?.actor).toMatch(/^api-key:/)
    const metrics = await test.app.inject({ method: 'GET', url: '/metrics' })
    expect(metrics.body).toContain('hirewall_webhook_delivery_failures_total{reason="network"} 3')
  })

  it('lists deliveries newest first, filtered by status, subscription and event type, a page at a time', async () => {
    const subscription = await test.store.webhookSubscriptions.create({
      url: 'https://listed.example.com/hook',
      secret: generateWebhookSecret(),
      eventTypes: ['case.decided', 'screening.outcome_changed'],
      createdBy: 'test',
    })
    const eventIds: string[] = []
    for (let index = 0; index < 5; index++) {
      const type = index % 2 === 0 ? 'case.decided' : 'screening.outcome_changed'
      eventIds.push((await test.store.outbox.enqueue({ type, payload: { index } })).eventId)
    }
    const all = (await list(`?subscriptionId=${subscription.id}`)).json<ListBody>()
    expect(all.items.map((item) => item.eventId)).toEqual([...eventIds].reverse())
    expect(all.nextCursor).toBeNull()
    const decided = (await list(`?subscriptionId=${subscription.id}&eventType=case.decided`)).json<ListBody>()
    expect(decided.items.map((item) => item.eventType)).toEqual(['case.decided', 'case.decided', 'case.decided'])

    const seen: string[] = []
    let after: string | null = null
    for (let page = 0; page < 10; page++) {
      const query: string = `?subscriptionId=${subscription.id}&limit=2${after === null ? '' : `&after=${after}`}`
      const body = (await list(query, test.people.admin)).json<ListBody>()
      seen.push(...body.items.map((item) => item.eventId))
      after = body.nextCursor
      if (after === null) break
    }
    expect(seen).toEqual(all.items.map((item) => item.eventId))
    expect((await list(`?subscriptionId=not-a-uuid`)).json<ListBody>().items).toEqual([])
  })

  it.each([
    ['an unknown status', '?status=lost', 'querystring.status'],
    ['a page too large', '?limit=501', 'querystring.limit'],
    ['a cursor it did not issue', '?after=bm90LWEtY3Vyc29y', 'querystring.after'],
  ])('refuses %s, naming the parameter', async (_case, query, path) => {
    const response = await list(query)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path })] } },
    })
  })

  it('says when a delivery to retry does not exist', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await retry(id)
      expect(response.statusCode).toBe(404)
      expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
  })

  describe('who may see and retry deliveries', () => {
    const callers = [
      ['a viewer', (t: TestApp) => t.people.viewer, 403],
      ['an analyst', (t: TestApp) => t.people.analyst, 403],
      ['a read key', (t: TestApp) => t.keys.read, 403],
      ['a submit key', (t: TestApp) => t.keys.submit, 403],
      ['nobody', () => ({}), 401],
    ] as const

    it.each(callers)('%s may not list deliveries', async (_who, headersOf, status) => {
      const response = await list('', { ...headersOf(test) })
      expect(response.statusCode).toBe(status)
      expect(response.body).not.toContain('"items"')
    })

    it.each(callers)('%s may not retry a delivery', async (_who, headersOf, status) => {
      const [dead] = (await test.store.outbox.list({ status: 'dead' })).items
      const { items } = await test.store.outbox.list({}, { limit: 1 })
      const id = dead?.id ?? items[0]?.id ?? '00000000-0000-4000-8000-000000000000'
      const before = await test.store.outbox.find(id)
      const response = await retry(id, { ...headersOf(test) })
      expect(response.statusCode).toBe(status)
      expect(await test.store.outbox.find(id)).toEqual(before)
    })

    it('an admin, signed in, may', async () => {
      expect((await list('', test.people.admin)).statusCode).toBe(200)
      const { items } = await test.store.outbox.list({ status: 'pending' }, { limit: 1 })
      const pending = items[0]
      if (pending === undefined) throw new Error('expected a pending delivery')
      expect((await retry(pending.id, test.people.admin)).statusCode).toBe(200)
    })
  })
})
