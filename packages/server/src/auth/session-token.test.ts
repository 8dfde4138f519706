import { describe, expect, it } from 'vitest'
import { generateSessionToken, hashSessionToken, readSessionCookie, sessionCookie } from './session-token.js'

describe('session tokens and cookies', () => {
  const { token, tokenHash } = generateSessionToken()

  it('generates 256-bit tokens and keeps only their hash', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(tokenHash).toBe(hashSessionToken(token))
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(generateSessionToken().token).not.toBe(token)
  })

  it.each([
    ['the only cookie', `hw_session=${token}`, token],
    ['among others', `theme=dark; hw_session=${token}; lang=en`, token],
    ['no cookie header', undefined, undefined],
    ['another cookie only', 'theme=dark', undefined],
    ['a look-alike name', `xhw_session=${token}`, undefined],
    ['a malformed value', 'hw_session=abc', undefined],
  ])('reads the session from %s', (_name, header, expected) => {
    expect(readSessionCookie(header)).toBe(expected)
  })

  it.each([
    [
      { maxAgeSeconds: 3600, isSecure: true },
      `hw_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure`,
    ],
    [{ maxAgeSeconds: 0, isSecure: false }, `hw_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`],
  ])('writes the cookie %j', (options, expected) => {
    expect(sessionCookie(token, options)).toBe(expected)
  })
})
