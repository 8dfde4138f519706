import { timingSafeEqual } from 'node:crypto'
import { hashApiKeyToken, parseApiKey } from './api-key.js'
import type { ApiKeyLookup, StoredApiKey } from './auth-ports.js'

/** Why a presented API key was refused. */
export const apiKeyRejections = ['malformed', 'unknown', 'mismatch', 'revoked', 'expired'] as const
/** One of {@link apiKeyRejections}. */
export type ApiKeyRejection = (typeof apiKeyRejections)[number]

/** The outcome of checking a presented API key. */
export type ApiKeyVerification =
  | { readonly status: 'valid'; readonly key: StoredApiKey }
  | { readonly status: 'invalid'; readonly reason: ApiKeyRejection }

/**
 * Checks a presented token: well-formed, known prefix, hash equal in constant time, not revoked, not expired.
 * Revocation and expiry are checked after the hash, so only the key's holder learns that it was revoked.
 */
export async function verifyApiKey(token: string, lookup: ApiKeyLookup, now: Date): Promise<ApiKeyVerification> {
  const parts = parseApiKey(token)
  if (parts === undefined) return { status: 'invalid', reason: 'malformed' }
  const key = await lookup.findApiKeyByPrefix(parts.prefix)
  if (key === undefined) return { status: 'invalid', reason: 'unknown' }
  const presented = Buffer.from(hashApiKeyToken(token), 'hex')
  const stored = Buffer.from(key.tokenHash, 'hex')
  if (stored.length !== presented.length || !timingSafeEqual(stored, presented)) {
    return { status: 'invalid', reason: 'mismatch' }
  }
  if (key.revokedAt !== null && key.revokedAt <= now) return { status: 'invalid', reason: 'revoked' }
  if (key.expiresAt !== null && key.expiresAt <= now) return { status: 'invalid', reason: 'expired' }
  return { status: 'valid', key }
}
