import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * What an admin's export action shared: one row per export (format, TLP, who, when, the document as it left), and the
 * STIX objects of each export as the TAXII server serves them, one row per object version in a collection (one
 * collection per TLP level) with the time it was added. Nothing reaches a TAXII client without an export row.
 */
export const sharingExportsMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`create table sharing_exports (
        id uuid primary key default gen_random_uuid(),
        format text not null check (format in ('stix', 'misp')),
        tlp text not null check (tlp in ('clear', 'green', 'amber', 'amber+strict')),
        is_hashed boolean not null,
        key_fingerprint text,
        selection jsonb not null,
        actor text not null check (length(actor) > 0),
        created_at timestamptz(3) not null default now(),
        indicator_count integer not null check (indicator_count >= 0),
        withheld_count integer not null check (withheld_count >= 0),
        object_count integer not null check (object_count >= 0),
        document jsonb not null,
        check (is_hashed = (key_fingerprint is not null))
      )`,
      sql`create index sharing_exports_created_idx on sharing_exports (created_at desc, id desc)`,
      sql`create table taxii_objects (
        seq bigserial primary key,
        collection text not null check (collection in ('clear', 'green', 'amber', 'amber+strict')),
        object_id text not null,
        object_type text not null,
        version timestamptz(6) not null,
        is_versioned boolean not null,
        date_added timestamptz(6) not null,
        export_id uuid not null references sharing_exports (id),
        object jsonb not null
      )`,
      // A version is added once: an object without created/modified (an observable) has one version per collection.
      sql`create unique index taxii_objects_version_idx on taxii_objects (collection, object_id, version)
        where is_versioned`,
      sql`create unique index taxii_objects_unversioned_idx on taxii_objects (collection, object_id)
        where not is_versioned`,
      sql`create index taxii_objects_added_idx on taxii_objects (collection, date_added, seq)`,
      sql`create index taxii_objects_id_idx on taxii_objects (collection, object_id, version)`,
    ]),
}
