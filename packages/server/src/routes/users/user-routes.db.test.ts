import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { hashPassword } from '../../auth/password-hash.js'
import { requirePermission } from '../../auth/require-permission.js'
import { registerCsrfCheck } from '../../security/csrf-check.js'
import { signInAs } from '../../testing/sign-in-as.js'
import { openTestApp, testOrigin, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerSessionRoutes } from '../session/register-session-routes.js'
import { registerUserRoutes } from './register-user-routes.js'

const password = 'a long enough password for tests'
const generous = { perIp: { requests: 1000, windowMs: 60_000 }, perAccount: { requests: 1000, windowMs: 60_000 } }

type Created = { user: { id: string; email: string; mustChangePassword: boolean }; oneTimePassword: string }

describe.each(storeTestTargets())('user administration on $name', (target) => {
  let test: TestApp
  let targetId = ''

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: AuthHeaders, payload?: object) =>
    test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })
  const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    call(method, url, test.people.admin, payload)

  async function signedInUser(email: string, role: 'viewer' | 'analyst' | 'admin') {
    const user = await test.store.users.create({ email, role, passwordHash: await hashPassword(password) })
    const { headers } = await signInAs(test.app, email, password)
    return { id: user.id, headers }
  }

  beforeAll(async () => {
    test = await openTestApp(target)
    registerCsrfCheck(test.app, { origins: [testOrigin] })
    registerSessionRoutes(test.app, { store: test.store, signInLimits: generous })
    registerUserRoutes(test.app, { store: test.store })
    test.app.get('/decide-probe', { preHandler: requirePermission('cases.decide') }, () => ({ ok: true }))
    await test.app.ready()
    targetId = (await test.store.users.create({ email: 'target@example.com', role: 'viewer' })).id
  }, openTimeoutMs)
  afterAll(() => test.close())

  const endpoints = (): [string, 'GET' | 'POST' | 'PATCH', string, object | undefined][] => [
    ['list', 'GET', '/v1/users', undefined],
    ['read', 'GET', `/v1/users/${targetId}`, undefined],
    ['create', 'POST', '/v1/users', { email: 'made-by-someone@example.com', role: 'admin' }],
    ['change role', 'PATCH', `/v1/users/${targetId}`, { role: 'admin' }],
    ['disable', 'POST', `/v1/users/${targetId}/disable`, undefined],
    ['reset password', 'POST', `/v1/users/${targetId}/password-reset`, undefined],
  ]

  it.each([
    ['a viewer', (t: TestApp) => t.people.viewer],
    ['an analyst', (t: TestApp) => t.people.analyst],
    ['a submit key', (t: TestApp) => t.keys.submit],
    ['a read key', (t: TestApp) => t.keys.read],
    ['an admin key', (t: TestApp) => t.keys.admin],
  ])('refuses every user endpoint to %s, changing nothing', async (_name, headersOf) => {
    for (const [name, method, url, payload] of endpoints()) {
      const response = await call(method, url, headersOf(test), payload)
      expect([name, response.statusCode]).toEqual([name, 403])
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { permission: 'users.manage' } } })
    }
    expect(await test.store.users.findByEmail('made-by-someone@example.com')).toBeUndefined()
    expect(await test.store.users.find(targetId)).toMatchObject({ role: 'viewer', disabledAt: null })
  })

  it('publishes its routes in the OpenAPI document', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/docs/openapi.json' })
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/users',
        '/v1/users/{id}',
        '/v1/users/{id}/disable',
        '/v1/users/{id}/password-reset',
      ]),
    )
  })

  it('refuses every user endpoint without credentials', async () => {
    for (const [name, method, url, payload] of endpoints()) {
      expect([name, (await call(method, url, {}, payload)).statusCode]).toEqual([name, 401])
    }
  })

  it('creates a user with a one-time password that signs in once and must be changed', async () => {
    const response = await asAdmin('POST', '/v1/users', {
      email: 'Newcomer@Example.com',
      role: 'analyst',
      displayName: 'New Comer',
    })
    expect(response.statusCode).toBe(201)
    const created = response.json<Created>()
    expect(created.user).toMatchObject({ email: 'newcomer@example.com', mustChangePassword: true })
    expect(created.oneTimePassword).toMatch(/^[2-9A-Za-z]{5}(-[2-9A-Za-z]{5}){4}$/)
    expect(response.body).not.toMatch(/hash|argon/i)
    const signedIn = await signInAs(test.app, 'newcomer@example.com', created.oneTimePassword)
    expect(signedIn.response.json()).toMatchObject({ mustChangePassword: true })
    const audit = await test.store.audit.list({ action: 'user.created', target: `user:${created.user.id}` })
    expect(audit.items[0]).toMatchObject({ actor: `user:${test.people.admin.userId}`, details: { role: 'analyst' } })
    expect(JSON.stringify(audit.items)).not.toContain(created.oneTimePassword)
  })

  it('lists and reads users without any password hash', async () => {
    const list = await asAdmin('GET', '/v1/users')
    expect(list.statusCode).toBe(200)
    const emails = list.json<{ users: { email: string }[] }>().users.map((user) => user.email)
    expect(emails).toEqual(expect.arrayContaining(['admin@example.com', 'target@example.com']))
    expect(list.body).not.toMatch(/hash|argon/i)
    const one = await asAdmin('GET', `/v1/users/${targetId}`)
    expect(one.json()).toMatchObject({ id: targetId, email: 'target@example.com', role: 'viewer' })
  })

  it.each([
    ['a taken email', { email: 'ADMIN@example.com', role: 'viewer' }, 409, 'CONFLICT', 'body.email'],
    ['a malformed email', { email: 'not an email', role: 'viewer' }, 400, 'VALIDATION_FAILED', 'body.email'],
    ['an unknown role', { email: 'x@example.com', role: 'owner' }, 400, 'VALIDATION_FAILED', 'body.role'],
  ])('refuses to create a user with %s, naming the field', async (_name, body, status, code, path) => {
    const response = await asAdmin('POST', '/v1/users', body)
    expect(response.statusCode).toBe(status)
    const { error } = response.json<{
      error: { code: string; details: { path?: string; issues?: { path: string }[] } }
    }>()
    expect(error.code).toBe(code)
    expect(error.details.path ?? error.details.issues?.[0]?.path).toBe(path)
  })

  it('answers 404 for an unknown user and 400 naming params.id for a malformed id', async () => {
    const unknown = await asAdmin('GET', '/v1/users/00000000-0000-4000-8000-000000000000')
    expect(unknown.statusCode).toBe(404)
    const malformed = await asAdmin('PATCH', '/v1/users/42', { role: 'viewer' })
    expect(malformed.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'params.id' }] } },
    })
  })

  it("changes a role, effective at the person's next request, and audits from and to", async () => {
    const person = await signedInUser('promoted@example.com', 'viewer')
    expect((await call('GET', '/decide-probe', person.headers)).statusCode).toBe(403)
    const response = await asAdmin('PATCH', `/v1/users/${person.id}`, { role: 'analyst' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ role: 'analyst' })
    expect((await call('GET', '/decide-probe', person.headers)).statusCode).toBe(200)
    const audit = await test.store.audit.list({ action: 'user.role-changed', target: `user:${person.id}` })
    expect(audit.items[0]?.details).toEqual({ from: 'viewer', to: 'analyst' })
  })

  it('disables a user: their sessions end at once and they can no longer sign in', async () => {
    const person = await signedInUser('leaver@example.com', 'analyst')
    expect((await call('GET', '/decide-probe', person.headers)).statusCode).toBe(200)
    const response = await asAdmin('POST', `/v1/users/${person.id}/disable`)
    expect(response.statusCode).toBe(200)
    expect(response.json<{ disabledAt: string | null }>().disabledAt).not.toBeNull()
    expect((await call('GET', '/decide-probe', person.headers)).statusCode).toBe(401)
    expect((await signInAs(test.app, 'leaver@example.com', password)).response.statusCode).toBe(401)
    const audit = await test.store.audit.list({ action: 'user.disabled', target: `user:${person.id}` })
    expect(audit.items[0]?.details).toEqual({ sessionsEnded: 1 })
  })

  it('resets a password to a new one-time one: sessions end, the old password stops working', async () => {
    const person = await signedInUser('forgetful@example.com', 'viewer')
    const response = await asAdmin('POST', `/v1/users/${person.id}/password-reset`)
    expect(response.statusCode).toBe(200)
    const { oneTimePassword, user } = response.json<Created>()
    expect(user.mustChangePassword).toBe(true)
    expect((await call('GET', '/v1/me', person.headers)).statusCode).toBe(401)
    expect((await signInAs(test.app, 'forgetful@example.com', password)).response.statusCode).toBe(401)
    const again = await signInAs(test.app, 'forgetful@example.com', oneTimePassword)
    expect(again.response.json()).toMatchObject({ mustChangePassword: true })
  })

  it('never leaves the service without an active admin', async () => {
    const adminId = test.people.admin.userId
    for (const [method, url, payload] of [
      ['PATCH', `/v1/users/${adminId}`, { role: 'analyst' }],
      ['POST', `/v1/users/${adminId}/disable`, undefined],
    ] as const) {
      const refused = await asAdmin(method, url, payload)
      expect(refused.statusCode).toBe(409)
      expect(refused.json()).toMatchObject({ error: { code: 'CONFLICT', details: { path: 'params.id' } } })
    }
    const second = (await asAdmin('POST', '/v1/users', { email: 'deputy@example.com', role: 'admin' })).json<Created>()
    const demoted = await asAdmin('PATCH', `/v1/users/${second.user.id}`, { role: 'viewer' })
    expect(demoted.statusCode).toBe(200)
    expect((await asAdmin('PATCH', `/v1/users/${adminId}`, { role: 'analyst' })).statusCode).toBe(409)
    expect(await test.store.users.find(adminId)).toMatchObject({ role: 'admin', disabledAt: null })
  })
})
