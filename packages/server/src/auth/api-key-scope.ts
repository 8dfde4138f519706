/**
 * What a machine client's API key may be granted. Scopes do not imply one another: a key that submits and reads
 * holds both. `admin` is for provisioning scripts, never for decisions (see the permission table).
 */
export const apiKeyScopes = ['submit', 'read', 'admin'] as const
/** One of {@link apiKeyScopes}. */
export type ApiKeyScope = (typeof apiKeyScopes)[number]

/** True when `value` is one of the {@link apiKeyScopes}. */
export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === 'string' && (apiKeyScopes as readonly string[]).includes(value)
}
