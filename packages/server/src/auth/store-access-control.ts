import type { Store } from '@hirewall/store'
import type { ApiKeyLookup, SessionLookup } from './auth-ports.js'

/** The access-control ports over the store: API keys by prefix, active sessions by token hash with the user's role. */
export function storeAccessControl(store: Pick<Store, 'apiKeys' | 'sessions'>): {
  readonly apiKeys: ApiKeyLookup
  readonly sessions: SessionLookup
} {
  return {
    apiKeys: {
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
        }
      },
    },
    sessions: {
      findSessionByTokenHash: async (tokenHash) => {
        const found = await store.sessions.findActive(tokenHash)
        if (found === undefined) return undefined
        const { session, user } = found
        return {
          id: session.id,
          userId: user.id,
          role: user.role,
          expiresAt: session.expiresAt,
          revokedAt: session.revokedAt,
        }
      },
    },
  }
}
