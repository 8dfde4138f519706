import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Bulk imports that any server process can run and a crash cannot lose: the uploaded file itself (until its job ends),
 * the valid rows read from it waiting to be screened, where each recorded row starts in the file, at most one
 * `created` row per application per job, and the saved progress of long background jobs (re-screening) so a retried
 * job resumes where the killed one stopped.
 */
export const importUploadsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table import_uploads (
        job_id uuid primary key references import_jobs (id),
        content_type text not null,
        size_bytes integer not null check (size_bytes >= 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea,
        prepared_at timestamptz(3)
      )`,
      sql`create table import_job_inputs (
        job_id uuid not null references import_jobs (id),
        line integer not null check (line > 0),
        source_line integer not null check (source_line > 0),
        record jsonb not null,
        raw jsonb not null,
        primary key (job_id, line)
      )`,
      sql`alter table import_job_rows add column source_line integer check (source_line > 0)`,
      sql`create unique index import_job_rows_created_idx on import_job_rows (job_id, application_id)
        where status = 'created'`,
      sql`create index import_jobs_created_idx on import_jobs (created_at, id)`,
      sql`create table job_progress (
        job_id uuid primary key,
        queue text not null,
        progress jsonb not null check (jsonb_typeof(progress) = 'object'),
        updated_at timestamptz(3) not null default now()
      )`,
    ]),
}
