import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Outbound webhooks as a transactional outbox (an event is written in the same transaction as the change it reports,
 * then one delivery per subscription is retried until delivered or dead), and bulk-import bookkeeping: a job's
 * progress and one row per input line, so a restarted job skips the lines it already did.
 */
export const webhooksAndJobsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table webhook_subscriptions (
        id uuid primary key default gen_random_uuid(),
        url text not null check (url ~ '^https?://'),
        secret text not null,
        event_types text[] not null check (cardinality(event_types) > 0),
        description text,
        created_by text not null,
        created_at timestamptz(3) not null default now(),
        disabled_at timestamptz(3)
      )`,
      sql`create table outbox_events (
        id uuid primary key default gen_random_uuid(),
        type text not null,
        payload jsonb not null,
        created_at timestamptz(3) not null default now()
      )`,
      sql`create table webhook_deliveries (
        id uuid primary key default gen_random_uuid(),
        event_id uuid not null references outbox_events (id),
        subscription_id uuid not null references webhook_subscriptions (id),
        status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
        attempts integer not null default 0 check (attempts >= 0),
        next_attempt_at timestamptz(3) not null default now(),
        last_attempt_at timestamptz(3),
        last_status_code integer,
        last_error text,
        delivered_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        unique (event_id, subscription_id)
      )`,
      sql`create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending'`,
      sql`create index webhook_deliveries_subscription_idx on webhook_deliveries (subscription_id, created_at)`,
      sql`create table import_jobs (
        id uuid primary key default gen_random_uuid(),
        format text not null,
        file_name text,
        status text not null default 'queued'
          check (status in ('queued', 'running', 'completed', 'failed', 'cancelled')),
        total_rows integer check (total_rows >= 0),
        processed_rows integer not null default 0,
        created_rows integer not null default 0,
        existing_rows integer not null default 0,
        invalid_rows integer not null default 0,
        failed_rows integer not null default 0,
        error text,
        created_by text not null,
        created_at timestamptz(3) not null default now(),
        started_at timestamptz(3),
        finished_at timestamptz(3)
      )`,
      sql`create table import_job_rows (
        job_id uuid not null references import_jobs (id),
        line integer not null check (line > 0),
        status text not null check (status in ('created', 'existing', 'invalid', 'failed')),
        application_id text,
        issues jsonb,
        recorded_at timestamptz(3) not null default now(),
        primary key (job_id, line)
      )`,
    ]),
}
