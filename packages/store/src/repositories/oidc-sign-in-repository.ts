import type { Kysely, Selectable } from 'kysely'
import type { Database, OidcSignInsTable } from '../database/database-schema.js'

/** A single sign-on attempt waiting for the identity provider to send the browser back. */
export type PendingOidcSignIn = {
  /** Hex SHA-256 of the `state` sent to the provider (the state itself is never stored). */
  readonly stateHash: string
  readonly nonce: string
  /** The PKCE `code_verifier` whose S256 challenge went with the authorization request. */
  readonly codeVerifier: string
  /** The console path to go to once signed in. */
  readonly returnTo: string
  readonly expiresAt: Date
}

export type OidcSignInRepository = {
  create(pending: PendingOidcSignIn): Promise<void>
  /**
   * Removes and returns the attempt with this state hash when it has not expired at `at`; `undefined` otherwise. Each
   * attempt is taken once, so a replayed callback finds nothing.
   */
  take(stateHash: string, at: Date): Promise<PendingOidcSignIn | undefined>
  /** Deletes attempts that expired before `at` (abandoned at the provider); returns how many. */
  deleteExpired(at: Date): Promise<number>
}

export function createOidcSignInRepository(db: Kysely<Database>): OidcSignInRepository {
  return {
    create: async (pending) => {
      await db
        .insertInto('oidc_sign_ins')
        .values({
          state_hash: pending.stateHash,
          nonce: pending.nonce,
          code_verifier: pending.codeVerifier,
          return_to: pending.returnTo,
          expires_at: pending.expiresAt,
        })
        .execute()
    },
    take: async (stateHash, at) => {
      const row = await db
        .deleteFrom('oidc_sign_ins')
        .where('state_hash', '=', stateHash)
        .returningAll()
        .executeTakeFirst()
      return row === undefined || row.expires_at <= at ? undefined : toPending(row)
    },
    deleteExpired: async (at) => {
      const result = await db.deleteFrom('oidc_sign_ins').where('expires_at', '<', at).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}

function toPending(row: Selectable<OidcSignInsTable>): PendingOidcSignIn {
  return {
    stateHash: row.state_hash,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    returnTo: row.return_to,
    expiresAt: row.expires_at,
  }
}
