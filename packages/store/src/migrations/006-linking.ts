import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Identity linking that survives restarts and is shared by several server processes. `link_seq` numbers applications
 * in the order the identity graph linked them (assigned under a transaction-level advisory lock, so it grows with
 * commit order): a process rebuilds its in-memory index by replaying applications in that order, and catches up with
 * other processes' links by reading `link_seq` above the last one it saw. `identity_signals` keeps the pool signals
 * the link raised, so re-screening rescores them without linking the application again.
 */
export const linkingMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`alter table applications add column link_seq bigint`,
      sql`alter table applications add column identity_signals jsonb`,
      sql`alter table applications add constraint applications_linked_check
        check ((link_seq is null) = (identity_signals is null)
          and (identity_signals is null or jsonb_typeof(identity_signals) = 'array'))`,
      sql`create unique index applications_link_seq_idx on applications (link_seq)`,
    ]),
}
