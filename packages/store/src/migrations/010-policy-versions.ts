import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * The scoring policy's history: every version an admin saved, with its author and note, and which one screens now.
 * A partial unique index allows one `published` row at a time; the policy's own `version` string (what results record
 * as `policy_version`) is unique too, so a result always names exactly one stored policy.
 */
export const policyVersionsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table policy_versions (
        version integer primary key check (version > 0),
        policy_version text not null unique check (length(policy_version) > 0),
        policy jsonb not null check (jsonb_typeof(policy) = 'object'),
        status text not null check (status in ('draft', 'published', 'retired')),
        author text not null check (length(author) > 0),
        note text,
        created_at timestamptz(3) not null default now(),
        published_at timestamptz(3),
        check ((status = 'draft') = (published_at is null))
      )`,
      sql`create unique index policy_versions_one_published_idx on policy_versions ((true)) where status = 'published'`,
    ]),
}
