import type { ApiKeyScope } from './api-key-scope.js'
import type { Role } from './role.js'

/** An API key as the store keeps it: never the key itself, only the SHA-256 of the whole token. */
export type StoredApiKey = {
  readonly id: string
  /** The public part of `hw_<prefix>_<secret>`; unique, so the store can index it. */
  readonly prefix: string
  /** Hex SHA-256 of the whole token, from `hashApiKeyToken`. */
  readonly tokenHash: string
  readonly scopes: readonly ApiKeyScope[]
  readonly revokedAt: Date | null
  readonly expiresAt: Date | null
  /** When the key was last noted in use (at most once a minute), if the store tracks it. */
  readonly lastUsedAt?: Date | null
}

/** The port the store implements to find API keys. */
export type ApiKeyLookup = {
  /** The key with this prefix, revoked or not (revocation is decided by the caller), or `undefined`. */
  findApiKeyByPrefix(prefix: string): Promise<StoredApiKey | undefined>
  /** Notes that a verified key was used at `at`; called after every accepted request, so it should write rarely. */
  recordUse?(key: StoredApiKey, at: Date): Promise<void>
  /** Drops what this process keeps of the key with this prefix (it was just revoked here), if it keeps anything. */
  forget?(prefix: string): void
}

/** A signed-in session as the store keeps it: only the SHA-256 of the cookie's token. */
export type StoredSession = {
  readonly id: string
  readonly userId: string
  /** The user's current role (read with the session, so a role change applies at the next request). */
  readonly role: Role
  readonly expiresAt: Date
  readonly revokedAt: Date | null
  /** Sign-in time, from which the absolute lifetime runs. */
  readonly createdAt?: Date
  /** When activity was last written (at most once a minute). */
  readonly lastSeenAt?: Date
  /** The user signed in with a one-time password and may do nothing but choose a new one. */
  readonly mustChangePassword?: boolean
}

/** The port the store implements to find sessions. */
export type SessionLookup = {
  /**
   * The session whose token hashes to `tokenHash` (hex SHA-256) and that is active at `at`, or `undefined`. A
   * disabled user's sessions are not returned. Looking up by hash is safe in variable time: an attacker cannot steer
   * the hash of their guess.
   */
  findSessionByTokenHash(tokenHash: string, at: Date): Promise<StoredSession | undefined>
  /** Notes activity on an accepted session at `at` and slides its expiry; should write rarely. */
  recordActivity?(session: StoredSession, at: Date): Promise<void>
}

/** The ports and clock authentication needs. */
export type AccessControl = {
  readonly apiKeys: ApiKeyLookup
  readonly sessions: SessionLookup
  readonly now: () => Date
}
