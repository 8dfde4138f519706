import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { isApiKeyUsable, type ApiKey } from './api-key-repository.js'

describe.each(storeTestTargets())('API keys on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('stores the hash and scopes and finds the key by its prefix', async () => {
    const { apiKeys } = database.store
    const key = await apiKeys.create({
      name: 'Greenhouse sync',
      prefix: 'hw_3f9a',
      keyHash: 'sha256:abc',
      scopes: ['submit', 'read', 'submit'],
      createdBy: 'user:admin',
    })
    expect(key).toMatchObject({
      name: 'Greenhouse sync',
      prefix: 'hw_3f9a',
      scopes: ['submit', 'read'],
      revokedAt: null,
    })
    expect(await apiKeys.findByPrefix('hw_3f9a')).toEqual({ key, keyHash: 'sha256:abc' })
    expect(await apiKeys.findByPrefix('hw_0000')).toBeUndefined()
    expect(isApiKeyUsable(key)).toBe(true)
  })

  it('revokes once, keeping the first revocation time, and the key stops being usable', async () => {
    const { apiKeys } = database.store
    const key = await apiKeys.create({
      name: 'old',
      prefix: 'hw_old1',
      keyHash: 'h',
      scopes: ['read'],
      createdBy: 'user:admin',
    })
    const revoked = await apiKeys.revoke(key.id)
    const again = await apiKeys.revoke(key.id)
    expect(revoked.revokedAt).toBeInstanceOf(Date)
    expect(again.revokedAt).toEqual(revoked.revokedAt)
    expect(isApiKeyUsable(revoked)).toBe(false)
    await expect(apiKeys.revoke('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not-found' })
  })

  it.each<[string, Partial<ApiKey>, boolean]>([
    ['an expired key', { expiresAt: new Date('2026-01-01T00:00:00Z') }, false],
    ['a key expiring later', { expiresAt: new Date('2027-01-01T00:00:00Z') }, true],
    ['a revoked key', { revokedAt: new Date('2026-01-01T00:00:00Z') }, false],
  ])('judges %s', (_case, change, expected) => {
    const key: ApiKey = {
      id: 'k',
      name: 'k',
      prefix: 'hw_k',
      scopes: ['read'],
      createdBy: 'user:admin',
      createdAt: new Date('2025-12-01T00:00:00Z'),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      ...change,
    }
    expect(isApiKeyUsable(key, new Date('2026-06-01T00:00:00Z'))).toBe(expected)
  })

  it.each([
    ['a taken prefix', { prefix: 'hw_3f9a', scopes: ['read' as const] }, 'conflict'],
    ['no scopes', { prefix: 'hw_none', scopes: [] }, 'invalid-value'],
    ['an unknown scope', { prefix: 'hw_bad', scopes: ['delete' as 'admin'] }, 'invalid-value'],
  ])('refuses %s', async (_case, change, code) => {
    await expect(
      database.store.apiKeys.create({ name: 'n', keyHash: 'h', createdBy: 'user:admin', ...change }),
    ).rejects.toMatchObject({ code })
  })

  it('notes when a key was last used and lists keys without their hashes', async () => {
    const { apiKeys } = database.store
    const key = await apiKeys.create({
      name: 'used',
      prefix: 'hw_used',
      keyHash: 'h',
      scopes: ['admin'],
      createdBy: 'user:admin',
    })
    await apiKeys.touch(key.id)
    const listed = (await apiKeys.list()).find((item) => item.id === key.id)
    expect(listed?.lastUsedAt).toBeInstanceOf(Date)
    expect(listed).not.toHaveProperty('keyHash')
  })
})
