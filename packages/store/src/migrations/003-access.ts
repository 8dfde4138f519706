import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Who may use the service: people (role, password hash), their sessions, and machine clients' API keys. Only hashes
 * are stored; the server hashes and compares.
 */
export const accessMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null unique check (email = lower(email) and position('@' in email) > 1),
        display_name text,
        password_hash text,
        role text not null check (role in ('viewer', 'analyst', 'admin')),
        must_change_password boolean not null default false,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        last_login_at timestamptz(3),
        disabled_at timestamptz(3)
      )`,
      sql`create table api_keys (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        prefix text not null unique,
        key_hash text not null,
        scopes text[] not null check (cardinality(scopes) > 0 and scopes <@ array['submit', 'read', 'admin']),
        created_by text not null,
        created_at timestamptz(3) not null default now(),
        last_used_at timestamptz(3),
        expires_at timestamptz(3),
        revoked_at timestamptz(3)
      )`,
      sql`create table sessions (
        id uuid primary key default gen_random_uuid(),
        token_hash text not null unique,
        user_id uuid not null references users (id),
        created_at timestamptz(3) not null default now(),
        expires_at timestamptz(3) not null,
        last_seen_at timestamptz(3) not null default now(),
        revoked_at timestamptz(3),
        ip text,
        user_agent text
      )`,
      sql`create index sessions_user_idx on sessions (user_id)`,
    ]),
}
