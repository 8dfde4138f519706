import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * The persisted identity graph (each application's normalised identifiers, and which persona cluster it is in) and
 * the review: cases, and analysts' decisions, which are labels for learning and never updated.
 */
export const identityAndCasesMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table application_identifiers (
        application_id text not null references applications (id),
        kind text not null,
        value text not null,
        display text not null,
        created_at timestamptz(3) not null default now(),
        primary key (application_id, kind, value)
      )`,
      sql`create index application_identifiers_value_idx on application_identifiers (kind, value)`,
      sql`create table clusters (
        id text primary key,
        claimed_people integer not null default 1 check (claimed_people >= 0),
        is_ring boolean not null default false,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      )`,
      sql`create table cluster_members (
        application_id text primary key references applications (id),
        cluster_id text not null references clusters (id),
        joined_at timestamptz(3) not null default now()
      )`,
      sql`create index cluster_members_cluster_idx on cluster_members (cluster_id)`,
      sql`create table cases (
        id uuid primary key default gen_random_uuid(),
        subject_kind text not null check (subject_kind in ('application', 'cluster')),
        subject_id text not null,
        status text not null default 'open' check (status in ('open', 'closed')),
        opened_by text not null,
        opened_at timestamptz(3) not null default now(),
        closed_by text,
        closed_at timestamptz(3),
        check ((status = 'open') = (closed_at is null))
      )`,
      sql`create unique index cases_one_open_idx on cases (subject_kind, subject_id) where status = 'open'`,
      sql`create index cases_status_idx on cases (status, opened_at)`,
      sql`create table decisions (
        id bigint generated always as identity primary key,
        case_id uuid references cases (id),
        subject_kind text not null check (subject_kind in ('application', 'cluster')),
        subject_id text not null,
        verdict text not null check (verdict in ('confirmed-fraud', 'cleared', 'needs-verification')),
        reason text not null check (length(reason) > 0),
        note text,
        actor text not null,
        decided_at timestamptz(3) not null default now()
      )`,
      sql`create index decisions_subject_idx on decisions (subject_kind, subject_id, id)`,
      sql`create index decisions_verdict_idx on decisions (verdict, decided_at)`,
      sql`create trigger decisions_append_only before update on decisions
        for each row execute function hirewall_refuse_change()`,
    ]),
}
