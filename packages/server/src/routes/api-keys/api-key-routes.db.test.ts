import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { buildApp } from '../../app/build-app.js'
import { requirePermission } from '../../auth/require-permission.js'
import { storeAccessControl } from '../../auth/store-access-control.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerApiKeyRoutes } from './register-api-key-routes.js'

type CreatedKey = { apiKey: { id: string; prefix: string; status: string }; token: string }

function withProbes(app: FastifyInstance): void {
  app.get('/read-probe', { preHandler: requirePermission('applications.read') }, () => ({ ok: true }))
}

describe.each(storeTestTargets())('API key administration on $name', (target) => {
  let test: TestApp
  let clocked: FastifyInstance
  let clock = new Date()

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: AuthHeaders, payload?: object) =>
    test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })
  const create = async (payload: object, headers: AuthHeaders = test.people.admin) =>
    (await call('POST', '/v1/api-keys', headers, payload)).json<CreatedKey>()
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

  beforeAll(async () => {
    test = await openTestApp(target)
    registerApiKeyRoutes(test.app, { store: test.store })
    withProbes(test.app)
    await test.app.ready()
    clocked = await buildApp({
      logLevel: 'silent',
      processMetrics: false,
      accessControl: { ...storeAccessControl(test.store), now: () => clock },
    })
    registerApiKeyRoutes(clocked, { store: test.store })
    withProbes(clocked)
    await clocked.ready()
  }, openTimeoutMs)
  afterAll(async () => {
    await clocked.close()
    await test.close()
  })

  const endpoints: [string, 'GET' | 'POST' | 'DELETE', string, object | undefined][] = [
    ['list', 'GET', '/v1/api-keys', undefined],
    ['create', 'POST', '/v1/api-keys', { name: 'sneaky', scopes: ['admin'] }],
    ['revoke', 'DELETE', '/v1/api-keys/00000000-0000-4000-8000-000000000000', undefined],
  ]

  it.each([
    ['a viewer', (t: TestApp) => t.people.viewer],
    ['an analyst', (t: TestApp) => t.people.analyst],
    ['a submit key', (t: TestApp) => t.keys.submit],
    ['a read key', (t: TestApp) => t.keys.read],
  ])('refuses every key endpoint to %s, creating nothing', async (_name, headersOf) => {
    for (const [name, method, url, payload] of endpoints) {
      const response = await call(method, url, headersOf(test), payload)
      expect([name, response.statusCode]).toEqual([name, 403])
      expect(response.json()).toMatchObject({ error: { details: { permission: 'api-keys.manage' } } })
    }
    expect((await test.store.apiKeys.list()).map((key) => key.name)).not.toContain('sneaky')
  })

  it('publishes its routes in the OpenAPI document', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/docs/openapi.json' })
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths)
    expect(paths).toEqual(expect.arrayContaining(['/v1/api-keys', '/v1/api-keys/{id}']))
  })

  it('refuses every key endpoint without credentials', async () => {
    for (const [name, method, url, payload] of endpoints) {
      expect([name, (await call(method, url, {}, payload)).statusCode]).toEqual([name, 401])
    }
  })

  it('creates a key whose token is shown once and works; revoked, it is refused with 401', async () => {
    const response = await call('POST', '/v1/api-keys', test.people.admin, { name: 'ATS sync', scopes: ['read'] })
    expect(response.statusCode).toBe(201)
    const { apiKey, token } = response.json<CreatedKey>()
    expect(token).toMatch(/^hw_[0-9A-Za-z]{9}_[0-9A-Za-z]{43}$/)
    expect(apiKey).toMatchObject({ prefix: token.slice(3, 12), status: 'active' })
    expect((await test.app.inject({ method: 'GET', url: '/read-probe', headers: bearer(token) })).statusCode).toBe(200)

    const list = await call('GET', '/v1/api-keys', test.people.admin)
    expect(list.body).not.toContain(token.slice(13))
    expect(list.body).not.toMatch(/hash/i)
    expect(list.json<{ apiKeys: { id: string }[] }>().apiKeys.map((key) => key.id)).toContain(apiKey.id)

    const revoked = await call('DELETE', `/v1/api-keys/${apiKey.id}`, test.people.admin)
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json()).toMatchObject({ id: apiKey.id, status: 'revoked' })
    const refused = await test.app.inject({ method: 'GET', url: '/read-probe', headers: bearer(token) })
    expect(refused.statusCode).toBe(401)
    expect(refused.json()).toMatchObject({ error: { message: 'This API key has been revoked.' } })

    const audit = await test.store.audit.list({ target: `api-key:${apiKey.id}` })
    expect(audit.items.map((item) => [item.action, item.actor])).toEqual([
      ['api-key.revoked', `user:${test.people.admin.userId}`],
      ['api-key.created', `user:${test.people.admin.userId}`],
    ])
    expect(JSON.stringify(audit.items)).not.toContain(token.slice(13))
  })

  it('lets an admin-scope key manage keys, audited under its prefix, with only the scopes asked for', async () => {
    const { apiKey, token } = await create({ name: 'submitter', scopes: ['submit', 'submit'] }, test.keys.admin)
    expect(apiKey.status).toBe('active')
    expect((await test.app.inject({ method: 'GET', url: '/read-probe', headers: bearer(token) })).statusCode).toBe(403)
    const audit = await test.store.audit.list({ action: 'api-key.created', target: `api-key:${apiKey.id}` })
    expect(audit.items[0]?.actor).toMatch(/^api-key:[0-9A-Za-z]{9}$/)
    expect(audit.items[0]?.details).toMatchObject({ name: 'submitter', scopes: ['submit'] })
  })

  it.each([
    ['no name', { scopes: ['read'] }, 'body.name'],
    ['no scopes', { name: 'x', scopes: [] }, 'body.scopes'],
    ['an unknown scope', { name: 'x', scopes: ['everything'] }, 'body.scopes[0]'],
    ['an expiry in the past', { name: 'x', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' }, 'body.expiresAt'],
    [
      'an expiry without a time zone',
      { name: 'x', scopes: ['read'], expiresAt: '2099-01-01T00:00:00' },
      'body.expiresAt',
    ],
  ])('refuses a key with %s, naming the field', async (_name, body, path) => {
    const response = await call('POST', '/v1/api-keys', test.people.admin, body)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { issues: [{ path }] } } })
  })

  it('answers 404 for revoking an unknown key and 400 naming params.id for a malformed id', async () => {
    const unknown = await call('DELETE', '/v1/api-keys/00000000-0000-4000-8000-000000000000', test.people.admin)
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { path: 'params.id' } } })
    const malformed = await call('DELETE', '/v1/api-keys/abc', test.people.admin)
    expect(malformed.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'params.id' }] } },
    })
  })

  it('refuses a key once its expiry has passed, and lists it as expired', async () => {
    clock = new Date()
    const expiresAt = new Date(clock.getTime() + 3_600_000).toISOString()
    const { apiKey, token } = await create({ name: 'short-lived', scopes: ['read'], expiresAt })
    expect((await clocked.inject({ method: 'GET', url: '/read-probe', headers: bearer(token) })).statusCode).toBe(200)
    clock = new Date(clock.getTime() + 2 * 3_600_000)
    const refused = await clocked.inject({ method: 'GET', url: '/read-probe', headers: bearer(token) })
    expect(refused.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: 'This API key has expired.' } })
    // The people's test sessions last an hour; the admin key does not expire.
    const list = await clocked.inject({ method: 'GET', url: '/v1/api-keys', headers: test.keys.admin })
    const listed = list
      .json<{ apiKeys: { id: string; status: string }[] }>()
      .apiKeys.find((key) => key.id === apiKey.id)
    expect(listed?.status).toBe('expired')
  })

  it('notes when a key was last used, writing at most once a minute', async () => {
    clock = new Date()
    const { apiKey, token } = await create({ name: 'busy', scopes: ['read'] })
    const lastUsed = async () => (await test.store.apiKeys.list()).find((key) => key.id === apiKey.id)?.lastUsedAt
    const use = () => clocked.inject({ method: 'GET', url: '/read-probe', headers: bearer(token) })
    expect(await lastUsed()).toBeNull()
    await use()
    const first = await lastUsed()
    expect(first).toBeInstanceOf(Date)
    clock = new Date(clock.getTime() + 30_000)
    await use()
    await use()
    expect(await lastUsed()).toEqual(first)
    clock = new Date(clock.getTime() + 31_000)
    await use()
    expect((await lastUsed())?.getTime()).toBeGreaterThan(first?.getTime() ?? Infinity)
  })
})
