import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * What the ATS webhooks record beyond applications: which application became which hire and when (post-hire checks
 * start from it), the one-time tokens of inbound webhooks whose signature does not cover their body (a replayed token
 * is refused), and the previous signing secret of an outbound subscription while receivers switch to a rotated one.
 */
export const atsHiresAndWebhookSecretsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table ats_hires (
        id uuid primary key default gen_random_uuid(),
        source_system text not null check (length(source_system) > 0),
        external_application_id text not null check (length(external_application_id) > 0),
        external_candidate_id text,
        application_id text references applications (id),
        hired_at timestamptz(3) not null,
        start_date text check (start_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        recorded_by text not null check (length(recorded_by) > 0),
        recorded_at timestamptz(3) not null default now(),
        unique (source_system, external_application_id)
      )`,
      sql`create index ats_hires_application_idx on ats_hires (application_id) where application_id is not null`,
      sql`create index ats_hires_hired_at_idx on ats_hires (hired_at, id)`,
      sql`create table ats_webhook_receipts (
        source_system text not null,
        receipt_key text not null,
        received_at timestamptz(3) not null default now(),
        primary key (source_system, receipt_key)
      )`,
      sql`alter table webhook_subscriptions
        add column previous_secret text,
        add column previous_secret_expires_at timestamptz(3),
        add constraint webhook_subscriptions_previous_secret_check
          check ((previous_secret is null) = (previous_secret_expires_at is null))`,
    ]),
}
