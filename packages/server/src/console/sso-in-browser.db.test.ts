import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOidcSettings } from '../auth/oidc/oidc-settings.js'
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { buildServiceApp } from '../service/build-service-app.js'
import { testReference } from '../testing/application-fixtures.js'
import { startTestOidcProvider, type TestOidcProvider } from '../testing/oidc-test-provider.js'
import { registerConsole } from './register-console.js'

const chromiumPath = process.env.HIREWALL_CHROMIUM ?? '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
const consoleSource = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'console')

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

// The console on http://localhost:<port> and the provider on http://127.0.0.1:<port>: two sites, so the callback is
// a cross-site navigation as it is in production, and the SameSite=Lax cookies must still do their work.
describe.skipIf(!hasChromium && process.env.CI === undefined)('single sign-on in a real browser', () => {
  const target = storeTestTargets({})[0]
  let database: TestDatabase
  let screening: ScreeningService
  let provider: TestOidcProvider
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let buildDir: string

  beforeAll(async () => {
    if (target === undefined) throw new Error('no PGlite test target')
    buildDir = await mkdtemp(join(tmpdir(), 'hirewall-console-build-'))
    await build({
      root: consoleSource,
      configFile: join(consoleSource, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(buildDir, 'dist'), emptyOutDir: true },
    })
    const port = await freePort()
    base = `http://localhost:${port}`
    provider = await startTestOidcProvider({
      redirectUri: `${base}/v1/session/oidc/callback`,
      accounts: {
        ana: { email: 'ana@example.com', email_verified: true },
        stranger: { email: 'stranger@example.com', email_verified: true },
      },
    })
    database = await target.open()
    const { store } = database
    screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference: testReference })
    await store.users.create({ email: 'ana@example.com', role: 'analyst', displayName: 'Ana Lyst' })
    app = await buildServiceApp({
      store,
      screening,
      publicOrigins: [base],
      console: false,
      env: {},
      oidc: readOidcSettings({
        issuer: provider.issuer,
        displayName: 'Example SSO',
        env: { HIREWALL_OIDC_CLIENT_ID: provider.clientId, HIREWALL_OIDC_CLIENT_SECRET: provider.clientSecret },
      }),
      app: { logLevel: 'silent', processMetrics: false },
    })
    await registerConsole(app, { root: join(buildDir, 'dist') })
    await app.listen({ host: '127.0.0.1', port })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
  }, openTimeoutMs)

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await screening?.close()
    await database?.dispose()
    await provider?.close()
    await rm(buildDir, { recursive: true, force: true })
  })

  async function throughProvider(login: string, startAt: string) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(startAt)
    await page.getByRole('link', { name: 'Sign in with Example SSO' }).click()
    await page.waitForURL(`${provider.issuer}/**`)
    await page.locator('input[name="login"]').fill(login)
    await page.locator('input[name="password"]').fill('any password')
    await page.getByRole('button', { name: 'Sign-in' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    return page
  }

  it('signs in from the sign-in page and lands signed in on the page the person asked for', async () => {
    const page = await throughProvider('ana', `${base}/trends`)
    await page.waitForURL(`${base}/trends`)
    // The session cookie set on the cross-site callback is sent by the console's own requests.
    await page.getByRole('button', { name: /sign out/i }).waitFor()
    const me = await page.evaluate(async () => {
      const response = await fetch('/v1/me', { headers: { accept: 'application/json' } })
      return { status: response.status, body: (await response.json()) as { user: { email: string } } }
    })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe('ana@example.com')
    await page.context().close()
  }, 120_000)

  it('shows why a person without an account was not let in, and keeps the code out of the address bar', async () => {
    const page = await throughProvider('stranger', `${base}/`)
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toContain('no active HireWall account')
    expect(page.url()).toBe(`${base}/`)
    await page.context().close()
  }, 120_000)
})
