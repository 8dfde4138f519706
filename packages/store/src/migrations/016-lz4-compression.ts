import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/** The large documents every screening writes: the application's three forms, its result and the outgoing payloads. */
const compressedColumns = [
  ['applications', 'raw'],
  ['applications', 'record'],
  ['applications', 'facts'],
  ['applications', 'identity_signals'],
  ['screening_results', 'signals'],
  ['outbox_events', 'payload'],
  ['import_uploads', 'content'],
  ['import_job_inputs', 'record'],
  ['import_job_inputs', 'raw'],
] as const

/**
 * Compresses the large JSON columns with lz4 instead of PostgreSQL's default pglz where the server supports it.
 * Inserting the application rows was the largest statement of a screening batch on the server, and pglz took about
 * half of it: the same 640 rows inserted in 1.7 s with pglz and 0.8 s with lz4, for the same size on disk
 * (`npm run bench:compression` measures the whole write path side by side). Applies to rows written from now on; old
 * rows keep pglz and read as before. Servers built without lz4, and embedded PGlite, keep pglz: the block stops at
 * the first column and changes nothing, instead of failing.
 */
export const lz4CompressionMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`do $$
        begin
          ${sql.raw(compressedColumns.map(([table, column]) => `alter table ${table} alter column ${column} set compression lz4;`).join('\n          '))}
        exception when feature_not_supported then
          raise notice 'lz4 compression is not supported by this server: large columns keep pglz';
        end
      $$`,
    ]),
}
