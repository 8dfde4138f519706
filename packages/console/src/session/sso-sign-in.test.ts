import { describe, expect, it } from 'vitest'
import { ssoErrorMessage, ssoStartHref, withoutSignInError } from './sso-sign-in'

describe('single sign-on in the console', () => {
  it('comes back to the page the person was on, never with the old error', () => {
    const start = '/v1/session/oidc/start'
    expect(ssoStartHref(start, { pathname: '/', search: '' })).toBe(start)
    expect(ssoStartHref(start, { pathname: '/', search: '?signInError=expired' })).toBe(start)
    expect(ssoStartHref(start, { pathname: '/applications/a1', search: '?tab=graph&signInError=failed' })).toBe(
      `${start}?returnTo=%2Fapplications%2Fa1%3Ftab%3Dgraph`,
    )
  })

  it('says what went wrong for every code the server sends, and something for an unknown one', () => {
    for (const code of [
      'expired',
      'cancelled',
      'failed',
      'unavailable',
      'email-unverified',
      'no-account',
      'rate-limited',
    ]) {
      expect(ssoErrorMessage(`?signInError=${code}`)).toMatch(/\w+/)
    }
    expect(ssoErrorMessage('?signInError=no-account')).toContain('Ask an admin')
    expect(ssoErrorMessage('?signInError=unheard-of')).toBe(ssoErrorMessage('?signInError=failed'))
    expect(ssoErrorMessage('?other=1')).toBeNull()
    expect(withoutSignInError('?signInError=expired')).toBe('')
    expect(withoutSignInError('?a=1&signInError=expired')).toBe('?a=1')
  })
})
