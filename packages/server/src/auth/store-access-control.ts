import type { Store } from '@hirewall/store'
import type { ApiKeyLookup, SessionLookup } from './auth-ports.js'
import { cachedApiKeyLookup, type ApiKeyCacheOptions } from './cached-api-key-lookup.js'
import {
  activityWriteIntervalMs,
  checkSessionLifetime,
  defaultSessionLifetime,
  slidingExpiry,
  type SessionLifetime,
} from './session-lifetime.js'

/** Options of {@link storeAccessControl}. */
export type StoreAccessControlOptions = {
  /** How long sessions last; pass the same value to `registerSessionRoutes`. Default {@link defaultSessionLifetime}. */
  readonly sessionLifetime?: SessionLifetime
  /**
   * How long a key read from the store answers requests (`cachedApiKeyLookup`): by default 2 s, so a key revoked by
   * another process is refused here within 2 s (at once when revoked through this one).
   */
  readonly apiKeyCache?: ApiKeyCacheOptions
}

/**
 * The access-control ports over the store: API keys by prefix (kept for a short time, see `apiKeyCache`), active
 * sessions by token hash with the user's role.
 * Use is written back at most once a minute per key or session (`last_used_at`, `last_seen_at`), and each session
 * write slides its expiry: the idle timeout from now, capped by the absolute one from sign-in. The decision to write
 * reads the stored time, so several server processes share the once-a-minute budget.
 */
export function storeAccessControl(
  store: Pick<Store, 'apiKeys' | 'sessions'>,
  options: StoreAccessControlOptions = {},
): {
  readonly apiKeys: ApiKeyLookup
  readonly sessions: SessionLookup
} {
  const lifetime = checkSessionLifetime(options.sessionLifetime ?? defaultSessionLifetime)
  const isDue = (last: Date | null | undefined, at: Date): boolean =>
    last === null || last === undefined || at.getTime() - last.getTime() >= activityWriteIntervalMs
  return {
    apiKeys: cachedApiKeyLookup(
      {
        findApiKeyByPrefix: async (prefix) => {
          const found = await store.apiKeys.findByPrefix(prefix)
          if (found === undefined) return undefined
          const { key, keyHash } = found
          return {
            id: key.id,
            prefix: key.prefix,
            tokenHash: keyHash,
            scopes: key.scopes,
            revokedAt: key.revokedAt,
            expiresAt: key.expiresAt,
            lastUsedAt: key.lastUsedAt,
          }
        },
        recordUse: async (key, at) => {
          if (isDue(key.lastUsedAt, at)) await store.apiKeys.touch(key.id)
        },
      },
      options.apiKeyCache,
    ),
    sessions: {
      findSessionByTokenHash: async (tokenHash, at) => {
        const found = await store.sessions.findActive(tokenHash, at)
        if (found === undefined) return undefined
        const { session, user } = found
        return {
          id: session.id,
          userId: user.id,
          role: user.role,
          expiresAt: session.expiresAt,
          revokedAt: session.revokedAt,
          createdAt: session.createdAt,
          lastSeenAt: session.lastSeenAt,
          mustChangePassword: user.mustChangePassword,
        }
      },
      recordActivity: async (session, at) => {
        if (!isDue(session.lastSeenAt, at)) return
        const expiresAt = slidingExpiry(session.createdAt ?? at, at, lifetime)
        // Only ever later: a touch never shortens a session another process has just extended.
        await store.sessions.touch(session.id, expiresAt > session.expiresAt ? expiresAt : session.expiresAt)
      },
    },
  }
}
