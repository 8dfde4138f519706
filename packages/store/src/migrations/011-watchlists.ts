import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Watchlists kept in the database, so every process of the service screens against the same entries, and what the
 * intel sources table lacked to show a source's status (rows skipped, where it came from). An entry is unique per
 * list, kind and normalised value: importing a file again adds nothing twice. `watchlist_revision` is one row that
 * every change to any list bumps in the same transaction; a screening process compares it with the revision its
 * watchlist detector was built from, and rebuilds the detector when they differ.
 */
export const watchlistsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`alter table intel_sources
        add column skipped integer not null default 0 check (skipped >= 0),
        add column origin text not null default 'import' check (origin in ('download', 'import', 'package'))`,
      sql`create table watchlists (
        id uuid primary key default gen_random_uuid(),
        name text not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
        description text check (length(description) <= 500),
        created_by text not null check (length(created_by) > 0),
        created_at timestamptz(3) not null default now(),
        revision bigint not null default 1 check (revision >= 1),
        updated_at timestamptz(3) not null default now()
      )`,
      sql`create table watchlist_entries (
        id bigint generated always as identity primary key,
        watchlist_id uuid not null references watchlists (id),
        kind text not null check (kind in ('phone', 'email', 'domain', 'address', 'handle', 'ip', 'cv-sha256')),
        value text not null check (length(value) between 1 and 2000),
        normalised text not null check (length(normalised) > 0),
        severity text check (severity in ('info', 'low', 'medium', 'high', 'critical')),
        note text check (length(note) <= 2000),
        source text not null check (length(source) between 1 and 500),
        tlp text not null check (tlp in ('clear', 'green', 'amber', 'amber+strict', 'red')),
        confidence integer check (confidence between 0 and 100),
        added_by text not null check (length(added_by) > 0),
        added_at timestamptz(3) not null default now(),
        unique (watchlist_id, kind, normalised)
      )`,
      sql`create index watchlist_entries_list_idx on watchlist_entries (watchlist_id, id)`,
      sql`create table watchlist_revision (
        id integer primary key default 1 check (id = 1),
        revision bigint not null default 0
      )`,
      sql`insert into watchlist_revision (id, revision) values (1, 0)`,
    ]),
}
