import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * `applications.raw` may be null: the payload as received was the record itself (a submission through the API), so
 * it is not written a second time. Reading gives the record back as the raw payload. The API's payloads were stored
 * twice before: about a third of an application row, encrypted twice on servers with data keys.
 */
export const rawSameAsRecordMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`alter table applications alter column raw drop not null`,
      sql`comment on column applications.raw is 'the payload as received; null when it was the record itself'`,
    ]),
}
