import { hash } from '@node-rs/argon2'
import { describe, expect, it } from 'vitest'
import { checkNewPassword, hashPassword, needsRehash, passwordHashParameters, verifyPassword } from './password-hash.js'

const password = 'correct horse battery staple'

describe('password hashing', () => {
  it('hashes with Argon2id at the OWASP parameters and a random salt', async () => {
    const first = await hashPassword(password)
    const second = await hashPassword(password)
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(first).not.toBe(second)
    expect(first).not.toContain(password)
    expect(passwordHashParameters).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 })
  })

  it.each([
    ['the same password', password, true],
    ['another password', 'correct horse battery stapler', false],
    ['a different case', password.toUpperCase(), false],
    ['an empty password', '', false],
  ])('verifies %s', async (_name, attempt, expected) => {
    const stored = await hashPassword(password)
    expect(await verifyPassword(stored, attempt)).toBe(expected)
  })

  it('accepts the same password typed in another Unicode form', async () => {
    const stored = await hashPassword('caf\u00e9 au lait, sans sucre')
    expect(await verifyPassword(stored, 'cafe\u0301 au lait, sans sucre')).toBe(true)
  })

  it('answers false for an unknown user, after doing the same work', async () => {
    expect(await verifyPassword(undefined, password)).toBe(false)
  })

  it.each([
    ['today', passwordHashParameters, false],
    ['less memory', { ...passwordHashParameters, memoryCost: 4096 }, true],
    ['fewer passes', { ...passwordHashParameters, timeCost: 1 }, true],
    ['more lanes', { ...passwordHashParameters, parallelism: 2 }, true],
  ])('flags a hash made with %s parameters for rehashing: %s', async (_name, parameters, expected) => {
    expect(needsRehash(await hash(password, parameters))).toBe(expected)
  })

  it('flags an Argon2i hash for rehashing', async () => {
    // 1 is Argon2i in the library's numbering.
    expect(needsRehash(await hash(password, { ...passwordHashParameters, algorithm: 1 as never }))).toBe(true)
  })

  it.each([
    ['14 characters', 'a'.repeat(14), false],
    ['15 characters', 'a'.repeat(15), true],
    ['15 emoji (counted as characters, not UTF-16 units)', '🔒'.repeat(15), true],
    ['257 characters', 'a'.repeat(257), false],
  ])('judges a new password of %s', (_name, candidate, isAcceptable) => {
    expect(checkNewPassword(candidate).length === 0).toBe(isAcceptable)
  })
})
