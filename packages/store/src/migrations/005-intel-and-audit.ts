import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * The reference data in use (one row per source, cited by results' data versions) and the audit log. The audit log is
 * append-only for everyone, owner included: triggers refuse UPDATE, DELETE and TRUNCATE. Only dropping the trigger
 * (a schema change, which the application role has no right to make) could get around it; docs/store.md shows the grants.
 */
export const intelAndAuditMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table intel_sources (
        kind text not null,
        name text not null,
        version text not null,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        entries integer not null check (entries >= 0),
        fetched_at timestamptz(3) not null,
        loaded_at timestamptz(3) not null default now(),
        primary key (kind, name)
      )`,
      sql`create table audit_log (
        id bigint generated always as identity primary key,
        at timestamptz(3) not null default now(),
        actor text not null check (length(actor) > 0),
        action text not null check (length(action) > 0),
        target text,
        details jsonb not null default '{}' check (jsonb_typeof(details) = 'object')
      )`,
      sql`create index audit_log_target_idx on audit_log (target, id)`,
      sql`create index audit_log_actor_idx on audit_log (actor, id)`,
      sql`create index audit_log_action_idx on audit_log (action, id)`,
      sql`create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function hirewall_refuse_change()`,
      sql`create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function hirewall_refuse_change()`,
    ]),
}
