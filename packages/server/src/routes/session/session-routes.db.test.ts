import { hash } from '@node-rs/argon2'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type UserRole } from '@hirewall/store'
import { buildApp } from '../../app/build-app.js'
import { hashPassword } from '../../auth/password-hash.js'
import { requirePermission } from '../../auth/require-permission.js'
import { storeAccessControl } from '../../auth/store-access-control.js'
import { registerCsrfCheck } from '../../security/csrf-check.js'
import { signInAs } from '../../testing/sign-in-as.js'
import { openTestApp, testOrigin, type TestApp } from '../../testing/test-app.js'
import { registerSessionRoutes } from './register-session-routes.js'

const password = 'a long enough password for tests'
const hour = 3_600_000
const generous = { perIp: { requests: 1000, windowMs: 60_000 }, perAccount: { requests: 1000, windowMs: 60_000 } }

function withProbe(app: FastifyInstance): void {
  app.get('/probe', { preHandler: requirePermission('applications.read') }, () => ({ ok: true }))
}

describe.each(storeTestTargets())('session routes on $name', (target) => {
  let test: TestApp
  let app: FastifyInstance
  // A second app on the same store whose clock the tests move.
  let clocked: FastifyInstance
  let clock = new Date()
  const ids = new Map<string, string>()

  async function addUser(
    email: string,
    role: UserRole,
    extra: { readonly mustChangePassword?: boolean; readonly isDisabled?: boolean; readonly password?: string } = {},
  ): Promise<void> {
    const user = await test.store.users.create({
      email,
      role,
      passwordHash: await hashPassword(extra.password ?? password),
      mustChangePassword: extra.mustChangePassword ?? false,
    })
    if (extra.isDisabled === true) await test.store.users.disable(user.id)
    ids.set(email, user.id)
  }

  const probe = (headers: Record<string, string>, on: FastifyInstance = app) =>
    on.inject({ method: 'GET', url: '/probe', headers })

  beforeAll(async () => {
    test = await openTestApp(target)
    app = test.app
    registerCsrfCheck(app, { origins: [testOrigin] })
    registerSessionRoutes(app, { store: test.store, signInLimits: generous })
    withProbe(app)
    await app.ready()
    clocked = await buildApp({
      logLevel: 'silent',
      processMetrics: false,
      accessControl: { ...storeAccessControl(test.store), now: () => clock },
    })
    registerCsrfCheck(clocked, { origins: [testOrigin] })
    registerSessionRoutes(clocked, { store: test.store, secureCookies: true })
    withProbe(clocked)
    await clocked.ready()
    await addUser('ana@example.com', 'analyst')
    await addUser('vic@example.com', 'viewer')
    await addUser('gone@example.com', 'analyst', { isDisabled: true })
    await addUser('new@example.com', 'analyst', { mustChangePassword: true, password: 'one-time-password-1' })
    await addUser('idle@example.com', 'viewer')
    await addUser('long@example.com', 'viewer')
    await addUser('limited@example.com', 'viewer')
  }, openTimeoutMs)
  afterAll(async () => {
    await clocked.close()
    await test.close()
  })

  it('signs in: the user without any hash, an HttpOnly SameSite cookie that authenticates, an audit entry', async () => {
    const { response, headers } = await signInAs(app, ' Ana@Example.com ', password)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      user: { email: 'ana@example.com', role: 'analyst', mustChangePassword: false },
      mustChangePassword: false,
      permissions: expect.arrayContaining(['applications.read', 'cases.decide', 'account.own']) as unknown,
    })
    expect(response.json<{ permissions: string[] }>().permissions).not.toContain('users.manage')
    expect(response.body).not.toMatch(/hash|argon/i)
    expect(response.headers['set-cookie']).toMatch(
      /^hw_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/,
    )
    expect((await probe(headers)).statusCode).toBe(200)
    const audit = await test.store.audit.list({
      action: 'session.signed-in',
      target: `user:${ids.get('ana@example.com')}`,
    })
    expect(audit.items[0]).toMatchObject({ actor: `user:${ids.get('ana@example.com')}`, details: { ip: '127.0.0.1' } })
    expect(JSON.stringify(audit.items)).not.toContain(password)
  })

  it('replaces a hash made with older Argon2id parameters at sign-in', async () => {
    const old = await hash(password, { memoryCost: 4096, timeCost: 1, parallelism: 1 })
    const user = await test.store.users.create({ email: 'old-hash@example.com', role: 'viewer', passwordHash: old })
    expect((await signInAs(app, 'old-hash@example.com', password)).response.statusCode).toBe(200)
    const stored = (await test.store.users.findCredentials('old-hash@example.com'))?.passwordHash
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await test.store.users.find(user.id)).toMatchObject({ mustChangePassword: false })
    expect((await signInAs(app, 'old-hash@example.com', password)).response.statusCode).toBe(200)
  })

  it('publishes the session routes in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/openapi.json' })
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths)
    expect(paths).toEqual(expect.arrayContaining(['/v1/session', '/v1/me', '/v1/me/password']))
  })

  it('marks the cookie Secure when asked', async () => {
    const { response } = await signInAs(clocked, 'vic@example.com', password, { remoteAddress: '192.0.2.1' })
    expect(response.headers['set-cookie']).toMatch(/; Secure$/)
  })

  it.each([
    ['a wrong password', 'ana@example.com', 'not the password at all', 'wrong-password'],
    ['an unknown email', 'nobody@example.com', password, 'unknown-email'],
    ['a disabled account', 'gone@example.com', password, 'disabled'],
  ])('refuses %s with the same answer, and audits why without the password', async (_name, email, attempt, reason) => {
    const { response } = await signInAs(app, email, attempt)
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({
      error: {
        code: 'UNAUTHENTICATED',
        message: 'The email or password is not correct, or the account is disabled.',
        details: {},
      },
    })
    expect(response.headers['set-cookie']).toBeUndefined()
    const failures = await test.store.audit.list({ action: 'session.sign-in-failed' })
    const entry = failures.items.find((item) => item.details.reason === reason)
    expect(entry).toMatchObject({ actor: 'anonymous', details: { reason, ip: '127.0.0.1' } })
    if (reason === 'unknown-email') expect(entry?.details).toMatchObject({ emailDomain: 'example.com' })
    else expect(entry?.target).toMatch(/^user:/)
    expect(JSON.stringify(failures.items)).not.toContain(attempt)
    expect(JSON.stringify(failures.items)).not.toContain(email)
  })

  it('never audits what was typed into the email field (a password typed there by mistake)', async () => {
    const typed = 'Correct-Horse-Battery-7'
    const { response } = await signInAs(app, typed, password)
    expect(response.statusCode).toBe(401)
    const failures = await test.store.audit.list({ action: 'session.sign-in-failed' })
    expect(JSON.stringify(failures.items)).not.toContain(typed)
    expect(JSON.stringify(failures.items).toLowerCase()).not.toContain(typed.toLowerCase())
    expect(failures.items.some((item) => item.details.emailDomain === null)).toBe(true)
  })

  it('names the field of a malformed sign-in', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/session',
      headers: { origin: testOrigin },
      payload: { email: 'ana@example.com' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.password' }] } },
    })
  })

  it('signs out: the session ends, the cookie is cleared, and it is audited', async () => {
    const { headers } = await signInAs(app, 'vic@example.com', password)
    const response = await app.inject({ method: 'DELETE', url: '/v1/session', headers })
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')
    expect(response.headers['set-cookie']).toMatch(/^hw_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/)
    expect((await probe(headers)).statusCode).toBe(401)
    const audit = await test.store.audit.list({ action: 'session.signed-out' })
    expect(audit.items[0]?.actor).toBe(`user:${ids.get('vic@example.com')}`)
  })

  it.each(['viewer', 'analyst', 'admin'] as const)('tells a signed-in %s who they are', async (role) => {
    const response = await app.inject({ method: 'GET', url: '/v1/me', headers: test.people[role] })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ user: { role, email: `${role}@example.com` }, mustChangePassword: false })
  })

  it.each(['submit', 'read', 'admin'] as const)('refuses /v1/me and sign-out to an API key with %s', async (scope) => {
    for (const [method, url] of [
      ['GET', '/v1/me'],
      ['DELETE', '/v1/session'],
    ] as const) {
      const response = await app.inject({ method, url, headers: test.keys[scope] })
      expect(response.statusCode).toBe(403)
    }
  })

  it('answers 401 to /v1/me without credentials', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/me' })).statusCode).toBe(401)
  })

  it('refuses cookie-authenticated writes without an Origin or from another one, and forged sign-ins', async () => {
    const { headers } = await signInAs(app, 'vic@example.com', password)
    const cookie = headers.cookie ?? ''
    const missing = await app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie } })
    expect(missing.statusCode).toBe(403)
    expect(missing.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { reason: 'origin-missing' } } })
    const foreign = await app.inject({
      method: 'DELETE',
      url: '/v1/session',
      headers: { cookie, origin: 'https://evil.example' },
    })
    expect(foreign.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { reason: 'origin-not-allowed' } } })
    const forgedSignIn = await signInAs(app, 'vic@example.com', password, {
      headers: { origin: 'https://evil.example' },
    })
    expect(forgedSignIn.response.statusCode).toBe(403)
    // None of them did anything: the session still works.
    expect((await probe(headers)).statusCode).toBe(200)
  })

  it('lets a one-time password do nothing but change it; the change ends every other session', async () => {
    const first = await signInAs(app, 'new@example.com', 'one-time-password-1')
    expect(first.response.json()).toMatchObject({ mustChangePassword: true, permissions: ['account.own'] })
    const second = await signInAs(app, 'new@example.com', 'one-time-password-1')
    const blocked = await probe(first.headers)
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json()).toMatchObject({
      error: { code: 'PASSWORD_CHANGE_REQUIRED', details: { permission: 'applications.read' } },
    })
    expect((await app.inject({ method: 'GET', url: '/v1/me', headers: first.headers })).statusCode).toBe(200)

    const change = (body: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/v1/me/password', headers: first.headers, payload: body })
    const newPassword = 'my own new password, long enough'
    for (const [body, path] of [
      [{ currentPassword: 'not it at all', newPassword }, 'body.currentPassword'],
      [{ currentPassword: 'one-time-password-1', newPassword: 'too short' }, 'body.newPassword'],
      [{ currentPassword: 'one-time-password-1', newPassword: 'one-time-password-1' }, 'body.newPassword'],
      [{ currentPassword: 'one-time-password-1' }, 'body.newPassword'],
    ] as const) {
      const refused = await change(body)
      expect(refused.statusCode).toBe(400)
      expect(refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { issues: [{ path }] } } })
    }

    const changed = await change({ currentPassword: 'one-time-password-1', newPassword })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ mustChangePassword: false, user: { mustChangePassword: false } })
    const renewed = { cookie: String(changed.headers['set-cookie']).split(';', 1)[0] ?? '', origin: testOrigin }
    expect(renewed.cookie).not.toBe(first.headers.cookie)
    expect((await probe(renewed)).statusCode).toBe(200)
    expect((await probe(first.headers)).statusCode).toBe(401)
    expect((await probe(second.headers)).statusCode).toBe(401)
    expect((await signInAs(app, 'new@example.com', 'one-time-password-1')).response.statusCode).toBe(401)
    expect((await signInAs(app, 'new@example.com', newPassword)).response.statusCode).toBe(200)
    const audit = await test.store.audit.list({ target: `user:${ids.get('new@example.com')}` })
    expect(audit.items.map((item) => item.action)).toEqual(
      expect.arrayContaining(['user.password-changed', 'user.password-change-failed']),
    )
    expect(JSON.stringify(audit.items)).not.toContain(newPassword)
  })

  it('ends a session after 12 idle hours, and slides the expiry while it is used', async () => {
    clock = new Date()
    const { headers } = await signInAs(clocked, 'idle@example.com', password, { remoteAddress: '192.0.2.2' })
    clock = new Date(clock.getTime() + 11 * hour)
    expect((await probe(headers, clocked)).statusCode).toBe(200)
    clock = new Date(clock.getTime() + 11 * hour)
    expect((await probe(headers, clocked)).statusCode).toBe(200)
    clock = new Date(clock.getTime() + 12 * hour + 1000)
    const ended = await probe(headers, clocked)
    expect(ended.statusCode).toBe(401)
    expect(ended.json()).toMatchObject({ error: { message: 'The session has ended; sign in again.' } })
  })

  it('ends a session 7 days after sign-in however active it is', async () => {
    const start = new Date()
    clock = start
    const { headers } = await signInAs(clocked, 'long@example.com', password, { remoteAddress: '192.0.2.3' })
    const outcomes: [number, number][] = []
    for (let elapsed = 10 * hour; elapsed <= 8 * 24 * hour; elapsed += 10 * hour) {
      clock = new Date(start.getTime() + elapsed)
      outcomes.push([elapsed / hour, (await probe(headers, clocked)).statusCode])
    }
    expect(outcomes.filter(([hours]) => hours < 7 * 24).every(([, status]) => status === 200)).toBe(true)
    expect(outcomes.filter(([hours]) => hours > 7 * 24).every(([, status]) => status === 401)).toBe(true)
  })

  it('limits sign-ins to 10 a minute per account: 429 with Retry-After, then allowed again', async () => {
    clock = new Date()
    const statuses: number[] = []
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const wrong = await signInAs(clocked, 'limited@example.com', 'wrong guess number x', {
        remoteAddress: `198.51.100.${attempt + 1}`,
      })
      statuses.push(wrong.response.statusCode)
    }
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 401))
    const limited = await signInAs(clocked, 'limited@example.com', password, { remoteAddress: '198.51.100.99' })
    expect(limited.response.statusCode).toBe(429)
    expect(limited.response.headers['retry-after']).toBe('6')
    expect(limited.response.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { limit: 'sign-in per account', retryAfterSeconds: 6 } },
    })
    clock = new Date(clock.getTime() + 60_000)
    expect((await signInAs(clocked, 'limited@example.com', password)).response.statusCode).toBe(200)
  })

  it('limits sign-ins to 30 a minute per IP, whatever the accounts', async () => {
    clock = new Date()
    const from = { remoteAddress: '203.0.113.9' }
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = (await signInAs(clocked, `stranger${attempt}@example.com`, password, from)).response
      expect(response.statusCode).toBe(401)
    }
    const limited = (await signInAs(clocked, 'vic@example.com', password, from)).response
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toMatchObject({ error: { details: { limit: 'sign-in per IP' } } })
    expect(
      (await signInAs(clocked, 'vic@example.com', password, { remoteAddress: '203.0.113.10' })).response.statusCode,
    ).toBe(200)
    clock = new Date(clock.getTime() + 60_000)
    expect((await signInAs(clocked, 'vic@example.com', password, from)).response.statusCode).toBe(200)
  })
})
