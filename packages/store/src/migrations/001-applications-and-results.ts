import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Applications as received and as canonical records, and every screening result ever written for them. Results are
 * never updated (a trigger refuses it): re-screening inserts the next version, and `applications.latest_result_id`
 * points at it so lists filter on the current result with one join.
 */
export const applicationsAndResultsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create function hirewall_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception 'table % is append-only: % is not allowed', tg_table_name, lower(tg_op)
            using errcode = 'HW001', hint = 'history is kept: insert a new row instead';
        end
      $$`,
      sql`create table applications (
        id text primary key,
        idempotency_key text not null unique,
        source_system text not null,
        external_id text,
        requisition_id text,
        submitted_at timestamptz(3) not null,
        received_at timestamptz(3) not null default now(),
        raw jsonb not null,
        record jsonb not null check (jsonb_typeof(record) = 'object'),
        facts jsonb not null check (jsonb_typeof(facts) = 'object'),
        latest_version integer not null default 0 check (latest_version >= 0),
        latest_result_id bigint
      )`,
      sql`create index applications_submitted_idx on applications (submitted_at desc, id desc)`,
      sql`create index applications_source_idx on applications (source_system, external_id)`,
      sql`create index applications_requisition_idx on applications (requisition_id)`,
      sql`create table screening_results (
        id bigint generated always as identity primary key,
        application_id text not null references applications (id),
        version integer not null check (version > 0),
        trigger text not null check (trigger in ('submission', 'rescreen')),
        score double precision not null check (score >= 0 and score <= 100),
        outcome text not null check (outcome in ('clear', 'review', 'hold')),
        hold_gate text not null check (hold_gate in ('met', 'not-met', 'not-reached')),
        signals jsonb not null check (jsonb_typeof(signals) = 'array'),
        signal_codes text[] not null,
        cluster_id text,
        policy_version text not null,
        model_version text,
        data_versions jsonb not null check (jsonb_typeof(data_versions) = 'object'),
        detector_failures jsonb not null default '[]' check (jsonb_typeof(detector_failures) = 'array'),
        created_at timestamptz(3) not null default now(),
        unique (application_id, version)
      )`,
      sql`create index screening_results_signal_codes_idx on screening_results using gin (signal_codes)`,
      sql`create index screening_results_cluster_idx on screening_results (cluster_id)`,
      sql`create index screening_results_outcome_score_idx on screening_results (outcome, score)`,
      sql`alter table applications add constraint applications_latest_result_fk
        foreign key (latest_result_id) references screening_results (id)`,
      sql`create unique index applications_latest_result_idx on applications (latest_result_id)`,
      sql`create trigger screening_results_append_only before update on screening_results
        for each row execute function hirewall_refuse_change()`,
    ]),
}
