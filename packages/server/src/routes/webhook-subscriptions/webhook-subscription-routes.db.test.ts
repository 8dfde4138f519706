import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerWebhookSubscriptionRoutes } from './webhook-subscription-routes.js'

describe.each(storeTestTargets())('webhook subscription routes on $name', (target) => {
  let test: TestApp
  beforeAll(async () => {
    test = await openTestApp(target)
    registerWebhookSubscriptionRoutes(test.app, { store: test.store })
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(() => test.close())

  const create = (headers: AuthHeaders, body: unknown) =>
    test.app.inject({
      method: 'POST',
      url: '/v1/webhook-subscriptions',
      headers: { ...headers },
      payload: body as object,
    })

  it('creates a subscription and shows its secret once', async () => {
    const response = await create(test.people.admin, {
      url: 'https://siem.example.com/hirewall',
      eventTypes: ['screening.completed', 'case.decided'],
      description: 'SIEM',
    })
    expect(response.statusCode).toBe(201)
    const body = response.json<{ subscription: { id: string }; secret: string }>()
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(body.subscription).toMatchObject({
      url: 'https://siem.example.com/hirewall',
      eventTypes: ['screening.completed', 'case.decided'],
      description: 'SIEM',
      createdBy: `user:${test.people.admin.userId}`,
      disabledAt: null,
      previousSecretExpiresAt: null,
    })
    expect((await test.store.webhookSubscriptions.find(body.subscription.id))?.secret).toBe(body.secret)

    const listed = await test.app.inject({ method: 'GET', url: '/v1/webhook-subscriptions', headers: test.keys.admin })
    expect(listed.statusCode).toBe(200)
    expect(listed.body).not.toContain(body.secret)
    expect(listed.json<{ items: unknown[] }>().items).toContainEqual(body.subscription)
    const one = await test.app.inject({
      method: 'GET',
      url: `/v1/webhook-subscriptions/${body.subscription.id}`,
      headers: test.keys.admin,
    })
    expect(one.json()).toEqual(body.subscription)
    expect(one.body).not.toContain('secret')
    const audit = await test.store.audit.list({ target: `webhook-subscription:${body.subscription.id}` })
    expect(audit.items.map((entry) => entry.action)).toEqual(['webhook-subscription.created'])
  })

  it.each([
    ['a URL that is not http(s)', { url: 'ftp://files.example.com/drop', eventTypes: ['*'] }, 'body.url'],
    ['a relative URL', { url: '/hooks', eventTypes: ['*'] }, 'body.url'],
    [
      'an unknown event type',
      { url: 'https://a.example.com', eventTypes: ['screening.deleted'] },
      'body.eventTypes[0]',
    ],
    ['no event types', { url: 'https://a.example.com', eventTypes: [] }, 'body.eventTypes'],
    ['no URL', { eventTypes: ['*'] }, 'body.url'],
  ])('refuses %s, naming the field', async (_case, body, path) => {
    const response = await create(test.keys.admin, body)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path })] } },
    })
  })

  it('disables and enables a subscription, and says when it does not exist', async () => {
    const created = await create(test.keys.admin, { url: 'http://10.0.0.5:8080/hook', eventTypes: ['*'] })
    const { id } = created.json<{ subscription: { id: string } }>().subscription
    const disabled = await test.app.inject({
      method: 'POST',
      url: `/v1/webhook-subscriptions/${id}/disable`,
      headers: test.people.admin,
    })
    expect(disabled.statusCode).toBe(200)
    expect(disabled.json<{ disabledAt: string | null }>().disabledAt).not.toBeNull()
    const enabled = await test.app.inject({
      method: 'POST',
      url: `/v1/webhook-subscriptions/${id}/enable`,
      headers: test.keys.admin,
    })
    expect(enabled.json<{ disabledAt: string | null }>().disabledAt).toBeNull()
    for (const url of [
      '/v1/webhook-subscriptions/00000000-0000-4000-8000-000000000000/disable',
      '/v1/webhook-subscriptions/not-an-id/enable',
      '/v1/webhook-subscriptions/not-an-id/rotate-secret',
    ]) {
      const missing = await test.app.inject({ method: 'POST', url, headers: test.keys.admin })
      expect(missing.statusCode).toBe(404)
      expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
    const audit = await test.store.audit.list({ target: `webhook-subscription:${id}` })
    expect(audit.items.map((entry) => entry.action)).toEqual([
      'webhook-subscription.enabled',
      'webhook-subscription.disabled',
      'webhook-subscription.created',
    ])
  })

  it('rotates the secret: a new one shown once, the old one kept for a day or dropped at once', async () => {
    const created = await create(test.keys.admin, { url: 'https://a.example.com/hook', eventTypes: ['*'] })
    const { subscription, secret: first } = created.json<{ subscription: { id: string }; secret: string }>()
    const rotate = (body?: object) =>
      test.app.inject({
        method: 'POST',
        url: `/v1/webhook-subscriptions/${subscription.id}/rotate-secret`,
        headers: test.keys.admin,
        ...(body === undefined ? {} : { payload: body }),
      })
    const rotated = await rotate()
    expect(rotated.statusCode).toBe(200)
    const { secret: second, subscription: view } = rotated.json<{
      secret: string
      subscription: { previousSecretExpiresAt: string | null }
    }>()
    expect(second).not.toBe(first)
    expect(second).toMatch(/^whsec_/)
    expect(Date.parse(view.previousSecretExpiresAt ?? '') - Date.now()).toBeGreaterThan(23 * 3_600_000)
    expect(await test.store.webhookSubscriptions.find(subscription.id)).toMatchObject({
      secret: second,
      previousSecret: first,
    })
    const leaked = await rotate({ keepPreviousForSeconds: 0 })
    expect(leaked.json()).toMatchObject({ subscription: { previousSecretExpiresAt: null } })
    expect(await test.store.webhookSubscriptions.find(subscription.id)).toMatchObject({ previousSecret: null })
    const tooLong = await rotate({ keepPreviousForSeconds: 30 * 86_400 })
    expect(tooLong.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.keepPreviousForSeconds' }] } },
    })
  })

  describe('who may manage subscriptions', () => {
    const requests = [
      ['create', 'POST', '/v1/webhook-subscriptions', { url: 'https://x.example.com', eventTypes: ['*'] }],
      ['list', 'GET', '/v1/webhook-subscriptions', undefined],
      ['read one', 'GET', '/v1/webhook-subscriptions/00000000-0000-4000-8000-000000000000', undefined],
      ['disable', 'POST', '/v1/webhook-subscriptions/00000000-0000-4000-8000-000000000000/disable', undefined],
      ['rotate', 'POST', '/v1/webhook-subscriptions/00000000-0000-4000-8000-000000000000/rotate-secret', undefined],
    ] as const
    const callers = [
      ['a viewer', (t: TestApp) => t.people.viewer, 403],
      ['an analyst', (t: TestApp) => t.people.analyst, 403],
      ['a read key', (t: TestApp) => t.keys.read, 403],
      ['a submit key', (t: TestApp) => t.keys.submit, 403],
      ['nobody', () => ({}), 401],
    ] as const

    it.each(requests.flatMap((request) => callers.map((caller) => [...request, ...caller] as const)))(
      '%s: %s %s refuses %s',
      async (_name, method, url, body, _who, headersOf, status) => {
        const before = (await test.store.webhookSubscriptions.list()).length
        const response = await test.app.inject({
          method,
          url,
          headers: { ...headersOf(test) },
          ...(body === undefined ? {} : { payload: body }),
        })
        expect(response.statusCode).toBe(status)
        expect(response.json()).toMatchObject({
          error: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
        })
        expect((await test.store.webhookSubscriptions.list()).length).toBe(before)
      },
    )
  })
})
