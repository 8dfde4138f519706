import { describe, expect, it } from 'vitest'
import { readOidcSettings } from './oidc-settings.js'

const client = { HIREWALL_OIDC_CLIENT_ID: 'hirewall', HIREWALL_OIDC_CLIENT_SECRET: 's3cret' }

describe('readOidcSettings', () => {
  it('is off without an issuer', () => {
    expect(readOidcSettings({ env: client })).toBeUndefined()
    expect(readOidcSettings({ issuer: ' ', env: { ...client, HIREWALL_OIDC_ISSUER: '' } })).toBeUndefined()
  })

  it('reads the flag before the environment, and the display name', () => {
    const settings = readOidcSettings({
      issuer: 'https://login.example.com/tenant',
      env: { ...client, HIREWALL_OIDC_ISSUER: 'https://other.example', HIREWALL_OIDC_NAME: 'Example SSO' },
    })
    expect(settings).toEqual({
      issuer: new URL('https://login.example.com/tenant'),
      clientId: 'hirewall',
      clientSecret: 's3cret',
      displayName: 'Example SSO',
    })
    expect(readOidcSettings({ env: { ...client, HIREWALL_OIDC_ISSUER: 'https://idp.example' } })?.displayName).toBe(
      'single sign-on',
    )
  })

  it.each(['http://127.0.0.1:9000', 'http://localhost:9000/realms/x', 'http://[::1]:9000'])(
    'allows plain http on a loopback address (%s)',
    (issuer) => {
      expect(readOidcSettings({ issuer, env: client })?.issuer.href).toContain('http://')
    },
  )

  it.each([
    ['plain http elsewhere', 'http://login.example.com', /must use https/],
    ['not a URL', 'login.example.com', /is not a URL/],
    ['another scheme', 'ftp://login.example.com', /must use https/],
    ['a query', 'https://login.example.com/?tenant=1', /issuer identifier/],
  ])('refuses %s at start', (_case, issuer, message) => {
    expect(() => readOidcSettings({ issuer, env: client })).toThrow(message)
  })

  it('refuses a missing client id or secret, and never puts the secret in a message', () => {
    const issuer = 'https://login.example.com'
    expect(() => readOidcSettings({ issuer, env: { HIREWALL_OIDC_CLIENT_SECRET: 's3cret' } })).toThrow(
      /HIREWALL_OIDC_CLIENT_ID must be set/,
    )
    expect(() => readOidcSettings({ issuer, env: { HIREWALL_OIDC_CLIENT_ID: 'hirewall' } })).toThrow(
      /HIREWALL_OIDC_CLIENT_SECRET must be set/,
    )
  })
})
