import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Single sign-on attempts between leaving for the identity provider and coming back: the PKCE verifier, the nonce and
 * where to return, keyed by the hash of the `state`. In the database rather than a signed cookie so that every server
 * process can finish a sign-in another one started without sharing a key, and so that each attempt is used once.
 */
export const oidcSignInsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table oidc_sign_ins (
        state_hash text primary key,
        nonce text not null,
        code_verifier text not null,
        return_to text not null,
        created_at timestamptz(3) not null default now(),
        expires_at timestamptz(3) not null
      )`,
      sql`create index oidc_sign_ins_expires_idx on oidc_sign_ins (expires_at)`,
    ]),
}
