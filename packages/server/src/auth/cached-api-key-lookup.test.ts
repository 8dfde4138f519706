import { describe, expect, it } from 'vitest'
import type { ApiKeyLookup, StoredApiKey } from './auth-ports.js'
import { cachedApiKeyLookup } from './cached-api-key-lookup.js'

const aKey = (prefix: string, changes: Partial<StoredApiKey> = {}): StoredApiKey => ({
  id: `id-${prefix}`,
  prefix,
  tokenHash: 'ab'.repeat(32),
  scopes: ['submit'],
  revokedAt: null,
  expiresAt: null,
  lastUsedAt: null,
  ...changes,
})

/** A store of keys that counts its reads and writes, and whose keys a test can change as another process would. */
function keyStore(...keys: StoredApiKey[]) {
  const stored = new Map(keys.map((key) => [key.prefix, key]))
  const calls = { reads: 0, uses: [] as { prefix: string; at: Date }[] }
  let failNext = false
  const lookup: ApiKeyLookup = {
    findApiKeyByPrefix: async (prefix) => {
      calls.reads++
      await Promise.resolve()
      if (failNext) {
        failNext = false
        throw new Error('connection lost')
      }
      return stored.get(prefix)
    },
    recordUse: async (key, at) => {
      calls.uses.push({ prefix: key.prefix, at })
      await Promise.resolve()
    },
  }
  return { lookup, calls, stored, failOnce: () => (failNext = true) }
}

describe('cachedApiKeyLookup', () => {
  it('answers from what it read until the time to live has passed, then reads again', async () => {
    const store = keyStore(aKey('aaaaaaaaa'))
    let clock = 0
    const cached = cachedApiKeyLookup(store.lookup, { ttlMs: 2_000, clock: () => clock })
    expect(await cached.findApiKeyByPrefix('aaaaaaaaa')).toMatchObject({ id: 'id-aaaaaaaaa' })
    clock = 1_999
    await cached.findApiKeyByPrefix('aaaaaaaaa')
    expect(store.calls.reads).toBe(1)
    clock = 2_000
    await cached.findApiKeyByPrefix('aaaaaaaaa')
    expect(store.calls.reads).toBe(2)
  })

  it('sees a revocation by another process once the time to live has passed', async () => {
    const store = keyStore(aKey('aaaaaaaaa'))
    let clock = 0
    const cached = cachedApiKeyLookup(store.lookup, { ttlMs: 2_000, clock: () => clock })
    await cached.findApiKeyByPrefix('aaaaaaaaa')
    store.stored.set('aaaaaaaaa', aKey('aaaaaaaaa', { revokedAt: new Date(5) }))
    clock = 1_000
    expect((await cached.findApiKeyByPrefix('aaaaaaaaa'))?.revokedAt).toBeNull()
    clock = 2_000
    expect((await cached.findApiKeyByPrefix('aaaaaaaaa'))?.revokedAt).toEqual(new Date(5))
  })

  it('reads a forgotten key again at once', async () => {
    const store = keyStore(aKey('aaaaaaaaa'))
    const cached = cachedApiKeyLookup(store.lookup, { ttlMs: 60_000, clock: () => 0 })
    await cached.findApiKeyByPrefix('aaaaaaaaa')
    store.stored.set('aaaaaaaaa', aKey('aaaaaaaaa', { revokedAt: new Date(5) }))
    cached.forget('aaaaaaaaa')
    expect((await cached.findApiKeyByPrefix('aaaaaaaaa'))?.revokedAt).toEqual(new Date(5))
    expect(store.calls.reads).toBe(2)
  })

  it('shares one read among concurrent requests for the same key', async () => {
    const store = keyStore(aKey('aaaaaaaaa'))
    const cached = cachedApiKeyLookup(store.lookup, { clock: () => 0 })
    const found = await Promise.all(Array.from({ length: 20 }, () => cached.findApiKeyByPrefix('aaaaaaaaa')))
    expect(found.every((key) => key?.id === 'id-aaaaaaaaa')).toBe(true)
    expect(store.calls.reads).toBe(1)
  })

  it('keeps neither an unknown prefix (a key created elsewhere works at once) nor a failed read', async () => {
    const store = keyStore()
    const cached = cachedApiKeyLookup(store.lookup, { clock: () => 0 })
    expect(await cached.findApiKeyByPrefix('bbbbbbbbb')).toBeUndefined()
    store.stored.set('bbbbbbbbb', aKey('bbbbbbbbb'))
    expect(await cached.findApiKeyByPrefix('bbbbbbbbb')).toMatchObject({ id: 'id-bbbbbbbbb' })

    store.stored.set('ccccccccc', aKey('ccccccccc'))
    store.failOnce()
    await expect(cached.findApiKeyByPrefix('ccccccccc')).rejects.toThrow('connection lost')
    expect(await cached.findApiKeyByPrefix('ccccccccc')).toMatchObject({ id: 'id-ccccccccc' })
    expect(store.calls.reads).toBe(4)
  })

  it('keeps at most maxKeys keys, dropping the one read first', async () => {
    const store = keyStore(aKey('aaaaaaaaa'), aKey('bbbbbbbbb'), aKey('ccccccccc'))
    const cached = cachedApiKeyLookup(store.lookup, { maxKeys: 2, clock: () => 0 })
    for (const prefix of ['aaaaaaaaa', 'bbbbbbbbb', 'ccccccccc']) await cached.findApiKeyByPrefix(prefix)
    expect(store.calls.reads).toBe(3)
    await cached.findApiKeyByPrefix('ccccccccc')
    await cached.findApiKeyByPrefix('bbbbbbbbb')
    expect(store.calls.reads).toBe(3)
    await cached.findApiKeyByPrefix('aaaaaaaaa')
    expect(store.calls.reads).toBe(4)
  })

  it('passes on use with the kept last use, so a busy key is noted once a minute, not on every request', async () => {
    const store = keyStore(aKey('aaaaaaaaa'))
    const cached = cachedApiKeyLookup(store.lookup, { ttlMs: 3_600_000, clock: () => 0 })
    const use = async (at: number) => {
      const key = await cached.findApiKeyByPrefix('aaaaaaaaa')
      if (key === undefined) throw new Error('the key was not found')
      await cached.recordUse?.(key, new Date(at))
      return key
    }
    await use(0)
    const kept = await use(30_000)
    expect(kept.lastUsedAt).toEqual(new Date(0))
    expect((await use(61_000)).lastUsedAt).toEqual(new Date(0))
    expect((await use(62_000)).lastUsedAt).toEqual(new Date(61_000))
    // Every use is passed on; the store's own rule writes when the key's last use is a minute old.
    expect(store.calls.uses.map((use) => use.at.getTime())).toEqual([0, 30_000, 61_000, 62_000])
  })

  it('reads the store on every request when the time to live is 0', async () => {
    const store = keyStore(aKey('aaaaaaaaa'))
    const uncached = cachedApiKeyLookup(store.lookup, { ttlMs: 0 })
    await uncached.findApiKeyByPrefix('aaaaaaaaa')
    await uncached.findApiKeyByPrefix('aaaaaaaaa')
    expect(store.calls.reads).toBe(2)
  })
})
