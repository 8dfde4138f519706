import { expect, it } from 'vitest'
import { readOidcSettings } from '../auth/oidc/oidc-settings.js'
import { startTestOidcProvider, type TestOidcProvider } from '../testing/oidc-test-provider.js'
import { describeInBrowser, useConsoleInBrowser } from './testing/console-browser-harness.js'

// The console on http://localhost:<port> and the provider on http://127.0.0.1:<port>: two sites, so the callback is
// a cross-site navigation as it is in production, and the SameSite=Lax cookies must still do their work.
describeInBrowser('single sign-on in a real browser', () => {
  let provider: TestOidcProvider
  const harness = useConsoleInBrowser({
    name: 'sso',
    host: 'localhost',
    prepare: async ({ store, base }) => {
      provider = await startTestOidcProvider({
        redirectUri: `${base}/v1/session/oidc/callback`,
        accounts: {
          ana: { email: 'ana@example.com', email_verified: true },
          stranger: { email: 'stranger@example.com', email_verified: true },
        },
      })
      // Ana has no password: she signs in through the provider only.
      await store.users.create({ email: 'ana@example.com', role: 'analyst', displayName: 'Ana Lyst' })
      return {
        service: {
          oidc: readOidcSettings({
            issuer: provider.issuer,
            displayName: 'Example SSO',
            env: { HIREWALL_OIDC_CLIENT_ID: provider.clientId, HIREWALL_OIDC_CLIENT_SECRET: provider.clientSecret },
          }),
        },
        close: () => provider.close(),
      }
    },
  })

  async function throughProvider(login: string, startAt: string) {
    const page = await harness.newPage()
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
    const page = await throughProvider('ana', `${harness.base}/trends`)
    await page.waitForURL(`${harness.base}/trends`)
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
    const page = await throughProvider('stranger', `${harness.base}/`)
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toContain('no active HireWall account')
    expect(page.url()).toBe(`${harness.base}/`)
    await page.context().close()
  }, 120_000)
})
