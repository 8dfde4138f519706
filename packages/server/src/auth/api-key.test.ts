import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateApiKey, hashApiKeyToken, parseApiKey } from './api-key.js'
import type { ApiKeyLookup, StoredApiKey } from './auth-ports.js'
import { verifyApiKey } from './verify-api-key.js'

const now = new Date('2026-11-20T12:00:00Z')

function storeWith(...keys: StoredApiKey[]): ApiKeyLookup {
  return { findApiKeyByPrefix: (prefix) => Promise.resolve(keys.find((key) => key.prefix === prefix)) }
}

function stored(generated: { prefix: string; tokenHash: string }, extra: Partial<StoredApiKey> = {}): StoredApiKey {
  return {
    id: 'key-1',
    prefix: generated.prefix,
    tokenHash: generated.tokenHash,
    scopes: ['read'],
    revokedAt: null,
    expiresAt: null,
    ...extra,
  }
}

describe('generateApiKey', () => {
  it('makes hw_<prefix>_<secret> tokens that parse back and hash to what is stored', () => {
    const key = generateApiKey()
    expect(key.token).toMatch(/^hw_[0-9A-Za-z]{9}_[0-9A-Za-z]{43}$/)
    expect(parseApiKey(key.token)).toEqual({ prefix: key.prefix, secret: key.token.slice(13) })
    expect(key.tokenHash).toBe(createHash('sha256').update(key.token).digest('hex'))
    expect(key.tokenHash).not.toContain(key.token.slice(13))
  })

  it('never repeats a prefix or secret in a thousand keys', () => {
    const keys = Array.from({ length: 1000 }, () => generateApiKey())
    expect(new Set(keys.map((key) => key.prefix)).size).toBe(1000)
    expect(new Set(keys.map((key) => key.token)).size).toBe(1000)
  })
})

describe('parseApiKey', () => {
  it.each([
    ['another scheme', 'sk_live_abc'],
    ['a short secret', 'hw_AAAAAAAAA_abc'],
    ['a base64url secret', `hw_AAAAAAAAA_${'a'.repeat(42)}-`],
    ['trailing text', `hw_AAAAAAAAA_${'a'.repeat(43)} `],
    ['an empty string', ''],
  ])('refuses %s', (_name, token) => {
    expect(parseApiKey(token)).toBeUndefined()
  })
})

describe('verifyApiKey', () => {
  const key = generateApiKey()
  const other = generateApiKey()
  const past = new Date('2026-11-01T00:00:00Z')
  const future = new Date('2027-01-01T00:00:00Z')

  it.each([
    ['a valid key', key.token, [stored(key)], { status: 'valid' }],
    ['a malformed token', 'hw_nope', [stored(key)], { status: 'invalid', reason: 'malformed' }],
    ['an unknown prefix', other.token, [stored(key)], { status: 'invalid', reason: 'unknown' }],
    [
      'a known prefix with the wrong secret',
      `hw_${key.prefix}_${other.token.slice(13)}`,
      [stored(key)],
      { status: 'invalid', reason: 'mismatch' },
    ],
    ['a revoked key', key.token, [stored(key, { revokedAt: past })], { status: 'invalid', reason: 'revoked' }],
    ['a key revoked from a future date', key.token, [stored(key, { revokedAt: future })], { status: 'valid' }],
    ['an expired key', key.token, [stored(key, { expiresAt: past })], { status: 'invalid', reason: 'expired' }],
    ['a key expiring later', key.token, [stored(key, { expiresAt: future })], { status: 'valid' }],
  ])('judges %s', async (_name, token, keys, expected) => {
    expect(await verifyApiKey(token, storeWith(...keys), now)).toMatchObject(expected)
  })

  it('tells a revoked key only to whoever holds its secret', async () => {
    const wrongSecret = `hw_${key.prefix}_${other.token.slice(13)}`
    const verification = await verifyApiKey(wrongSecret, storeWith(stored(key, { revokedAt: past })), now)
    expect(verification).toEqual({ status: 'invalid', reason: 'mismatch' })
  })

  it('hashes the whole token', () => {
    expect(hashApiKeyToken('hw_a_b')).toBe(createHash('sha256').update('hw_a_b').digest('hex'))
  })
})
