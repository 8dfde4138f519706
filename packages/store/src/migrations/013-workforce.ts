import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * After the hire: the post-hire feeds' records as they arrive (one table for every kind, each record once per natural
 * key, numbered by `seq` in commit order under a transaction-level advisory lock, so every server process replays them
 * and catches up with the others' by reading `seq` above the last it saw), the employees the HR feed names (with the
 * screened application each came from when it is known), their assessments (append-only versions, like screening
 * results), and cases and decisions about an employee.
 */
export const workforceMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table workforce_records (
        seq bigint generated always as identity primary key,
        kind text not null check (kind in
          ('hire', 'shipment', 'device-check-in', 'endpoint-observation', 'sign-in', 'payroll-change')),
        natural_key text not null check (length(natural_key) > 0),
        subject_key text not null,
        at timestamptz(3),
        record jsonb not null check (jsonb_typeof(record) = 'object' and record ->> 'kind' = kind),
        source text not null check (length(source) > 0),
        received_by text not null check (length(received_by) > 0),
        received_at timestamptz(3) not null default now(),
        unique (kind, natural_key)
      )`,
      sql`create index workforce_records_subject_idx on workforce_records (subject_key, kind, at)`,
      sql`create index workforce_records_at_idx on workforce_records (at, seq)`,
      sql`create table employees (
        id text primary key check (length(id) > 0),
        application_ref text,
        application_id text references applications (id),
        ats_hire_id uuid references ats_hires (id),
        legal_name text,
        home_address text,
        home_address_key text,
        home_country text,
        start_date text check (start_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        manager text,
        logins text[] not null default '{}',
        latest_assessment_id bigint,
        latest_fingerprint text,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      )`,
      sql`create index employees_application_idx on employees (application_id) where application_id is not null`,
      sql`create table employee_assessments (
        id bigint generated always as identity primary key,
        employee_id text not null references employees (id),
        version integer not null check (version > 0),
        application_id text,
        score double precision not null,
        outcome text not null check (outcome in ('clear', 'review', 'hold')),
        hold_gate text not null,
        signals jsonb not null check (jsonb_typeof(signals) = 'array'),
        signal_codes text[] not null,
        cluster_id text,
        policy_version text not null,
        data_versions jsonb not null,
        detector_failures jsonb not null,
        fingerprint text not null,
        assessed_at timestamptz(3) not null default now(),
        unique (employee_id, version)
      )`,
      sql`alter table employees add constraint employees_latest_assessment_fk
        foreign key (latest_assessment_id) references employee_assessments (id)`,
      sql`create index employee_assessments_score_idx on employee_assessments (score desc)`,
      sql`create trigger employee_assessments_append_only before update on employee_assessments
        for each row execute function hirewall_refuse_change()`,
      sql`alter table cases drop constraint cases_subject_kind_check`,
      sql`alter table cases add constraint cases_subject_kind_check
        check (subject_kind in ('application', 'cluster', 'employee'))`,
      sql`alter table decisions drop constraint decisions_subject_kind_check`,
      sql`alter table decisions add constraint decisions_subject_kind_check
        check (subject_kind in ('application', 'cluster', 'employee'))`,
    ]),
}
