import type { ApiKeyLookup, StoredApiKey } from './auth-ports.js'
import { activityWriteIntervalMs } from './session-lifetime.js'

/** How long a process trusts what it read about a key: a key revoked elsewhere is refused here this much later. */
export const defaultApiKeyCacheMs = 2_000

/** Options of {@link cachedApiKeyLookup}. */
export type ApiKeyCacheOptions = {
  /** How long a key read from the store answers requests, in ms. Default {@link defaultApiKeyCacheMs}; 0: no cache. */
  readonly ttlMs?: number
  /** The most keys kept; the oldest read is dropped first. Default 1,000. */
  readonly maxKeys?: number
  /** Milliseconds since some fixed moment, for the time to live. Default `Date.now`. */
  readonly clock?: () => number
}

type Entry = {
  readonly readAt: number
  found: Promise<StoredApiKey | undefined>
  /** The key once read. */
  key?: StoredApiKey
}

/**
 * Keeps the keys `lookup` finds for a short time, so a client's requests do not each read its key from the database.
 * Only found keys are kept (a key created in another process works at once), and the caller still checks the hash,
 * revocation and expiry on every request. A key revoked through this process is forgotten at once (`forget`); one
 * revoked by another process is refused here at most `ttlMs` later. Concurrent requests for a key not yet kept share
 * one read. The use a request notes is kept with the key, so the once-a-minute write stays once a minute.
 */
export function cachedApiKeyLookup(
  lookup: ApiKeyLookup,
  options: ApiKeyCacheOptions = {},
): ApiKeyLookup & { forget(prefix: string): void } {
  const ttlMs = options.ttlMs ?? defaultApiKeyCacheMs
  const maxKeys = options.maxKeys ?? 1_000
  const clock = options.clock ?? Date.now
  const entries = new Map<string, Entry>()
  const forget = (prefix: string): void => {
    entries.delete(prefix)
  }
  const read = (prefix: string): Promise<StoredApiKey | undefined> => {
    const found = lookup.findApiKeyByPrefix(prefix)
    const entry: Entry = { readAt: clock(), found }
    entries.delete(prefix)
    if (entries.size >= maxKeys) forget(entries.keys().next().value ?? '')
    entries.set(prefix, entry)
    // Neither an unknown prefix nor a failed read is kept.
    const drop = (): void => {
      if (entries.get(prefix) === entry) entries.delete(prefix)
    }
    found.then((key) => (key === undefined ? drop() : (entry.key = key)), drop)
    return found
  }
  if (ttlMs <= 0) return { ...lookup, forget }
  return {
    findApiKeyByPrefix: (prefix) => {
      const entry = entries.get(prefix)
      return entry !== undefined && clock() - entry.readAt < ttlMs ? entry.found : read(prefix)
    },
    recordUse: async (key, at) => {
      if (lookup.recordUse === undefined) return
      const entry = entries.get(key.prefix)
      const lastUsedAt = key.lastUsedAt ?? null
      const isDue = lastUsedAt === null || at.getTime() - lastUsedAt.getTime() >= activityWriteIntervalMs
      // Noted before the write, so the requests that follow at once do not write too; only on the very key read
      // (one read again since, perhaps revoked, is left as read).
      if (entry?.key === key && isDue) {
        const used = { ...key, lastUsedAt: at }
        entry.key = used
        entry.found = Promise.resolve(used)
      }
      await lookup.recordUse(key, at)
    },
    forget,
  }
}
