import { createServer } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { buildApp } from '../../app/build-app.js'
import { hashPassword } from '../../auth/password-hash.js'
import { readOidcSettings } from '../../auth/oidc/oidc-settings.js'
import { storeAccessControl } from '../../auth/store-access-control.js'
import { registerCsrfCheck } from '../../security/csrf-check.js'
import { startTestOidcProvider, type TestOidcProvider } from '../../testing/oidc-test-provider.js'
import { RedirectFollowingBrowser, type BrowserStep } from '../../testing/redirect-following-browser.js'
import { openTestApp, testOrigin, type TestApp } from '../../testing/test-app.js'
import { registerSessionRoutes } from './register-session-routes.js'

const callbackUrl = `${testOrigin}/v1/session/oidc/callback`
const generous = { perIp: { requests: 1000, windowMs: 60_000 }, perAccount: { requests: 1000, windowMs: 60_000 } }
const accounts = {
  ana: { email: 'Ana@Example.com', email_verified: true },
  fresh: { email: 'fresh@example.com', email_verified: true },
  unverified: { email: 'ana@example.com', email_verified: false },
  'verified-as-text': { email: 'ana@example.com', email_verified: 'true' },
  stranger: { email: 'stranger@example.com', email_verified: true },
  gone: { email: 'gone@example.com', email_verified: true },
  nomail: {},
}
const slow = 60_000

/** A free port on 127.0.0.1 with nothing listening on it (a provider that is down). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function last(steps: readonly BrowserStep[]): BrowserStep {
  const step = steps.at(-1)
  if (step === undefined) throw new Error('no response')
  return step
}

describe.each(storeTestTargets())('single sign-on through a real OpenID Provider on $name', (target) => {
  let provider: TestOidcProvider
  let test: TestApp
  let app: FastifyInstance
  const ids = new Map<string, string>()

  const oidcOptions = (issuer: string) => {
    const settings = readOidcSettings({
      issuer,
      displayName: 'Example SSO',
      env: { HIREWALL_OIDC_CLIENT_ID: provider.clientId, HIREWALL_OIDC_CLIENT_SECRET: provider.clientSecret },
    })
    if (settings === undefined) throw new Error('no settings')
    return { settings, publicOrigins: [testOrigin] }
  }

  /** Goes from `start` through the provider's login and consent pages as `login`; stops before the callback. */
  async function throughProvider(browser: RedirectFollowingBrowser, login: string, start = '/v1/session/oidc/start') {
    let steps = await browser.navigate(start, { stopBefore: callbackUrl })
    for (let page = 0; page < 3; page += 1) {
      const step = last(steps)
      if (step.location?.startsWith(callbackUrl) === true) return step.location
      expect(step.status, step.body).toBe(200)
      const prompt = /name="prompt" value="(\w+)"/.exec(step.body)?.[1]
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login, password: 'any' } : { prompt: 'consent' }
      steps = await browser.navigate(step.url, { method: 'POST', form, stopBefore: callbackUrl })
    }
    throw new Error('the provider never sent the browser back')
  }

  async function signIn(login: string, start?: string) {
    const browser = new RedirectFollowingBrowser(app, testOrigin)
    const callback = await throughProvider(browser, login, start)
    const steps = await browser.navigate(callback)
    return { browser, callback, steps, landing: steps[0] }
  }

  const me = (browser: RedirectFollowingBrowser) =>
    app.inject({ method: 'GET', url: '/v1/me', headers: { cookie: browser.cookieHeaderFor(`${testOrigin}/v1/me`) } })

  const lastFailure = async (reason: string) => {
    const audit = await test.store.audit.list({ action: 'session.sign-in-failed' })
    return audit.items.find((entry) => entry.details.reason === reason)
  }

  beforeAll(async () => {
    provider = await startTestOidcProvider({ redirectUri: callbackUrl, accounts })
    test = await openTestApp(target)
    app = test.app
    registerCsrfCheck(app, { origins: [testOrigin] })
    registerSessionRoutes(app, { store: test.store, signInLimits: generous, oidc: oidcOptions(provider.issuer) })
    await app.ready()
    const password = await hashPassword('a long enough password for tests')
    for (const [email, extra] of [
      ['ana@example.com', {}],
      ['fresh@example.com', { mustChangePassword: true }],
      ['gone@example.com', {}],
    ] as const) {
      const user = await test.store.users.create({ email, role: 'analyst', passwordHash: password, ...extra })
      ids.set(email, user.id)
    }
    await test.store.users.disable(ids.get('gone@example.com') ?? '')
  }, openTimeoutMs)
  afterAll(async () => {
    await test.close()
    await provider.close()
  })

  it('says which sign-in methods there are', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/session/methods' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      password: true,
      sso: { protocol: 'oidc', displayName: 'Example SSO', startPath: '/v1/session/oidc/start' },
    })
    const openapi = await app.inject({ method: 'GET', url: '/docs/openapi.json' })
    expect(Object.keys(openapi.json<{ paths: Record<string, unknown> }>().paths)).toEqual(
      expect.arrayContaining(['/v1/session/methods', '/v1/session/oidc/start', '/v1/session/oidc/callback']),
    )
  })

  it(
    'signs in: start, the provider login and consent, the callback, a session cookie that works on /v1/me',
    async () => {
      const { browser, callback, landing } = await signIn(
        'ana',
        '/v1/session/oidc/start?returnTo=%2Fapplications%2Fabc',
      )
      expect(new URL(callback).searchParams.get('code')).toBeTruthy()
      expect(landing).toMatchObject({ status: 303, location: '/applications/abc' })
      expect(landing?.setCookies).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^hw_oidc=; Path=\/v1\/session\/oidc; HttpOnly; SameSite=Lax; Max-Age=0$/),
          expect.stringMatching(/^hw_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/),
        ]),
      )
      const response = await me(browser)
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({ user: { email: 'ana@example.com', hasPassword: true } })
      const audit = await test.store.audit.list({
        action: 'session.signed-in',
        target: `user:${ids.get('ana@example.com')}`,
      })
      expect(audit.items[0]).toMatchObject({
        actor: `user:${ids.get('ana@example.com')}`,
        details: { method: 'oidc', issuer: `${provider.issuer}/` },
      })
      expect(JSON.stringify(audit.items)).not.toMatch(/code=|eyJ/)
    },
    slow,
  )

  it(
    'sets the state cookie on start: HttpOnly, SameSite=Lax, for the callback only, ten minutes',
    async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/v1/session/oidc/start',
        headers: { host: 'localhost' },
      })
      expect(response.statusCode).toBe(302)
      const location = new URL(String(response.headers.location))
      expect(location.origin).toBe(provider.issuer)
      expect(location.searchParams.get('code_challenge_method')).toBe('S256')
      expect(location.searchParams.get('redirect_uri')).toBe(callbackUrl)
      expect(location.searchParams.get('nonce')).toBeTruthy()
      const state = location.searchParams.get('state')
      expect(response.headers['set-cookie']).toBe(
        `hw_oidc=${state}; Path=/v1/session/oidc; HttpOnly; SameSite=Lax; Max-Age=600`,
      )
    },
    slow,
  )

  it(
    'refuses a callback whose state is not the one this browser started, and one replayed after use',
    async () => {
      const browser = new RedirectFollowingBrowser(app, testOrigin)
      const callback = await throughProvider(browser, 'ana')
      const forged = new URL(callback)
      forged.searchParams.set('state', 'A'.repeat(43))
      const refused = await browser.navigate(forged.href)
      expect(refused[0]).toMatchObject({ status: 303, location: '/?signInError=expired' })
      expect(await lastFailure('state-mismatch')).toMatchObject({ actor: 'anonymous', details: { method: 'oidc' } })
      // The state cookie was cleared with the refusal: the genuine callback in this browser is refused too.
      expect((await browser.navigate(callback))[0]).toMatchObject({ location: '/?signInError=expired' })
      expect((await me(browser)).statusCode).toBe(401)
      // Replayed with the right cookie after the attempt is gone: nothing to take.
      const state = new URL(callback).searchParams.get('state') ?? ''
      const first = await app.inject({
        method: 'GET',
        url: callback.slice(testOrigin.length),
        headers: { cookie: `hw_oidc=${state}` },
      })
      expect(first.headers.location).toBe('/')
      const replay = await app.inject({
        method: 'GET',
        url: callback.slice(testOrigin.length),
        headers: { cookie: `hw_oidc=${state}` },
      })
      expect(replay.headers.location).toBe('/?signInError=expired')
      expect(await lastFailure('state-unknown')).toBeDefined()
    },
    slow,
  )

  it(
    'refuses an email nobody has an account for, and audits it',
    async () => {
      const { browser, landing } = await signIn('stranger')
      expect(landing).toMatchObject({ status: 303, location: '/?signInError=no-account' })
      expect((await me(browser)).statusCode).toBe(401)
      expect(await lastFailure('unknown-email')).toMatchObject({
        actor: 'anonymous',
        details: { method: 'oidc', email: 'stranger@example.com', ip: '127.0.0.1' },
      })
    },
    slow,
  )

  it.each([
    ['unverified', 'email-unverified'],
    ['verified-as-text', 'email-unverified'],
    ['nomail', 'no-email'],
  ])(
    'refuses an account whose email the provider has not verified (%s)',
    async (login, reason) => {
      const { browser, landing } = await signIn(login)
      expect(landing).toMatchObject({ status: 303, location: '/?signInError=email-unverified' })
      expect((await me(browser)).statusCode).toBe(401)
      expect(await lastFailure(reason)).toBeDefined()
    },
    slow,
  )

  it(
    'refuses a disabled user',
    async () => {
      const { browser, landing } = await signIn('gone')
      expect(landing).toMatchObject({ status: 303, location: '/?signInError=no-account' })
      expect((await me(browser)).statusCode).toBe(401)
      expect(await lastFailure('disabled')).toMatchObject({ target: `user:${ids.get('gone@example.com')}` })
    },
    slow,
  )

  it(
    'sends the person back with "cancelled" when they abort at the provider',
    async () => {
      const browser = new RedirectFollowingBrowser(app, testOrigin)
      const steps = await browser.navigate('/v1/session/oidc/start', { stopBefore: callbackUrl })
      const interaction = last(steps).url
      const aborted = await browser.navigate(`${interaction}/abort`)
      expect(aborted.find((step) => step.url.startsWith(callbackUrl))).toMatchObject({
        status: 303,
        location: '/?signInError=cancelled',
      })
      expect(await lastFailure('provider-error')).toMatchObject({ details: { providerError: 'access_denied' } })
    },
    slow,
  )

  it(
    'lets a person with an unused one-time password in with their full role, and withdraws that password',
    async () => {
      const { browser, landing } = await signIn('fresh')
      expect(landing).toMatchObject({ status: 303, location: '/' })
      const response = await me(browser)
      expect(response.json()).toMatchObject({
        user: { email: 'fresh@example.com', hasPassword: false, mustChangePassword: false },
        mustChangePassword: false,
        permissions: expect.arrayContaining(['cases.decide']) as unknown,
      })
      const audit = await test.store.audit.list({
        action: 'session.signed-in',
        target: `user:${ids.get('fresh@example.com')}`,
      })
      expect(audit.items[0]?.details).toMatchObject({ method: 'oidc', oneTimePasswordWithdrawn: true })
    },
    slow,
  )

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', '/v1/users', 'javascript:alert(1)'])(
    'refuses returnTo=%s (no open redirect) and starts nothing',
    async (returnTo) => {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/session/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
      })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'querystring.returnTo' }] } },
      })
      expect(response.headers['set-cookie']).toBeUndefined()
    },
  )

  it(
    'answers 503 when the provider cannot be discovered, and sends a browser back to the sign-in page',
    async () => {
      const logLines: string[] = []
      const down = await buildApp({
        logLevel: 'error',
        logStream: { write: (line) => void logLines.push(line) },
        processMetrics: false,
        accessControl: storeAccessControl(test.store),
      })
      registerSessionRoutes(down, { store: test.store, oidc: oidcOptions(`http://127.0.0.1:${await closedPort()}`) })
      await down.ready()
      try {
        const api = await down.inject({
          method: 'GET',
          url: '/v1/session/oidc/start',
          headers: { accept: 'application/json' },
        })
        expect(api.statusCode).toBe(503)
        expect(api.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } })
        expect(api.body).not.toContain(provider.clientSecret)
        const page = await down.inject({
          method: 'GET',
          url: '/v1/session/oidc/start',
          headers: { accept: 'text/html' },
        })
        expect(page).toMatchObject({ statusCode: 303, headers: { location: '/?signInError=unavailable' } })
        // One error line per failed attempt, with the issuer and the reason, and never the client secret.
        const failures = logLines.filter((line) => line.includes('OIDC provider unavailable'))
        expect(failures).toHaveLength(2)
        expect(failures[0]).toMatch(/"issuer":"http:\/\/127\.0\.0\.1:\d+\/".*discovery of/)
        expect(logLines.join('\n')).not.toContain(provider.clientSecret)
      } finally {
        await down.close()
      }
    },
    slow,
  )

  it(
    'limits starts per IP (429) and callbacks per IP (sent back with rate-limited)',
    async () => {
      const tight = await buildApp({
        logLevel: 'silent',
        processMetrics: false,
        accessControl: storeAccessControl(test.store),
      })
      registerSessionRoutes(tight, {
        store: test.store,
        signInLimits: { perIp: { requests: 1, windowMs: 60_000 } },
        oidc: oidcOptions(provider.issuer),
      })
      await tight.ready()
      try {
        const start = () => tight.inject({ method: 'GET', url: '/v1/session/oidc/start', remoteAddress: '192.0.2.7' })
        expect((await start()).statusCode).toBe(302)
        const limited = await start()
        expect(limited.statusCode).toBe(429)
        expect(limited.headers['retry-after']).toBeDefined()
        const callback = () =>
          tight.inject({ method: 'GET', url: '/v1/session/oidc/callback?state=x', remoteAddress: '192.0.2.7' })
        expect((await callback()).headers.location).toBe('/?signInError=expired')
        expect((await callback()).headers.location).toBe('/?signInError=rate-limited')
      } finally {
        await tight.close()
      }
    },
    slow,
  )

  it('moves a start on another public origin to the first one, where the provider sends people back', async () => {
    const twoOrigins = await buildApp({
      logLevel: 'silent',
      processMetrics: false,
      accessControl: storeAccessControl(test.store),
    })
    registerSessionRoutes(twoOrigins, {
      store: test.store,
      oidc: { ...oidcOptions(provider.issuer), publicOrigins: [testOrigin, 'http://127.0.0.1'] },
    })
    await twoOrigins.ready()
    try {
      const response = await twoOrigins.inject({
        method: 'GET',
        url: '/v1/session/oidc/start?returnTo=%2Fusers',
        headers: { host: '127.0.0.1' },
      })
      expect(response.statusCode).toBe(302)
      expect(response.headers.location).toBe(`${testOrigin}/v1/session/oidc/start?returnTo=%2Fusers`)
      expect(response.headers['set-cookie']).toBeUndefined()
    } finally {
      await twoOrigins.close()
    }
  })

  it('has no single sign-on routes without an issuer, and says so', async () => {
    const plain = await buildApp({
      logLevel: 'silent',
      processMetrics: false,
      accessControl: storeAccessControl(test.store),
    })
    registerSessionRoutes(plain, { store: test.store })
    await plain.ready()
    try {
      expect((await plain.inject({ method: 'GET', url: '/v1/session/methods' })).json()).toEqual({
        password: true,
        sso: null,
      })
      expect((await plain.inject({ method: 'GET', url: '/v1/session/oidc/start' })).statusCode).toBe(404)
    } finally {
      await plain.close()
    }
  })
})
