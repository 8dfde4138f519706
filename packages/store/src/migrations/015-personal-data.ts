import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Personal-data protection: per-source retention policies, when an application was anonymised, and the one change
 * history tables allow: erasing the personal details of a result's signals or a decision's note, only inside a
 * transaction that sets `hirewall.redacting` (retention and data-subject erasure do), and only those columns.
 */
export const personalDataMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table retention_policies (
        source_system text primary key check (length(source_system) > 0),
        max_age_days integer not null check (max_age_days > 0),
        action text not null check (action in ('delete', 'anonymise')),
        updated_by text not null,
        updated_at timestamptz(3) not null default now()
      )`,
      sql`alter table applications add column anonymised_at timestamptz(3)`,
      sql`create index applications_retention_idx on applications (source_system, received_at)
        where anonymised_at is null`,
      sql`create function hirewall_refuse_change_unless_redacting() returns trigger language plpgsql as $$
        begin
          if tg_op = 'UPDATE' and current_setting('hirewall.redacting', true) = 'on'
              and (to_jsonb(new) - tg_argv) = (to_jsonb(old) - tg_argv) then
            return new;
          end if;
          raise exception 'table % is append-only: % is not allowed', tg_table_name, lower(tg_op)
            using errcode = 'HW001', hint = 'history is kept: insert a new row instead';
        end
      $$`,
      sql`drop trigger screening_results_append_only on screening_results`,
      sql`create trigger screening_results_append_only before update on screening_results
        for each row execute function hirewall_refuse_change_unless_redacting('signals')`,
      sql`drop trigger decisions_append_only on decisions`,
      sql`create trigger decisions_append_only before update on decisions
        for each row execute function hirewall_refuse_change_unless_redacting('note')`,
    ]),
}
