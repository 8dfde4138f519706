import { callApi } from '../api/api-client'
import type { Role, User } from '../api/api-types'

/** An API key as the API lists it: never its secret. */
export type ApiKeyView = {
  readonly id: string
  readonly name: string
  readonly prefix: string
  readonly scopes: readonly string[]
  readonly status: 'active' | 'revoked' | 'expired'
  readonly createdBy: string
  readonly createdAt: string
  readonly lastUsedAt: string | null
  readonly expiresAt: string | null
  readonly revokedAt: string | null
}

/** The scopes an API key may hold. */
export const apiKeyScopes = ['submit', 'read', 'admin'] as const
export type ApiKeyScope = (typeof apiKeyScopes)[number]

export async function listUsers(signal: AbortSignal): Promise<readonly User[]> {
  return (await callApi<{ users: readonly User[] }>('GET', '/v1/users', { signal })).users
}

/** Creates a user; the one-time password is shown to the admin once, to hand over. */
export function createUser(body: {
  readonly email: string
  readonly role: Role
  readonly displayName?: string
}): Promise<{ readonly user: User; readonly oneTimePassword: string }> {
  return callApi('POST', '/v1/users', { body })
}

export function changeRole(userId: string, role: Role): Promise<User> {
  return callApi('PATCH', `/v1/users/${encodeURIComponent(userId)}`, { body: { role } })
}

/** Disables a user and ends their sessions. */
export function disableUser(userId: string): Promise<User> {
  return callApi('POST', `/v1/users/${encodeURIComponent(userId)}/disable`)
}

/** A new one-time password for a user who lost theirs. */
export function resetPassword(userId: string): Promise<{ readonly user: User; readonly oneTimePassword: string }> {
  return callApi('POST', `/v1/users/${encodeURIComponent(userId)}/password-reset`)
}

export async function listApiKeys(signal: AbortSignal): Promise<readonly ApiKeyView[]> {
  return (await callApi<{ apiKeys: readonly ApiKeyView[] }>('GET', '/v1/api-keys', { signal })).apiKeys
}

/** Creates a key; its token is in the answer this once. */
export function createApiKey(body: {
  readonly name: string
  readonly scopes: readonly string[]
  readonly expiresAt?: string
}): Promise<{ readonly apiKey: ApiKeyView; readonly token: string }> {
  return callApi('POST', '/v1/api-keys', { body })
}

export function revokeApiKey(id: string): Promise<ApiKeyView> {
  return callApi('DELETE', `/v1/api-keys/${encodeURIComponent(id)}`)
}
