import type { ApiKeyScope } from './api-key-scope.js'
import type { Role } from './role.js'

/** Who is making a request: a machine client with an API key, or a signed-in person with a session. */
export type Principal =
  | {
      readonly kind: 'api-key'
      readonly keyId: string
      /** The key's public prefix (`hw_<prefix>_…`), safe to log and show. */
      readonly prefix: string
      readonly scopes: readonly ApiKeyScope[]
    }
  | {
      readonly kind: 'user'
      readonly userId: string
      readonly role: Role
      readonly sessionId: string
      /** Signed in with a one-time password: only the own-account endpoints answer until it is changed. */
      readonly mustChangePassword?: boolean
    }

/** A short label for logs and the audit trail, never containing a secret: `api-key:Ab3…` or `user:42`. */
export function describePrincipal(principal: Principal): string {
  return principal.kind === 'api-key' ? `api-key:${principal.prefix}` : `user:${principal.userId}`
}
