import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * The review queue and the console's list filters: a case can be assigned to one user (who keeps it after it closes,
 * as history); indexes for the queue (results by score, so the riskiest page is read without scoring every case;
 * cases by subject) and for listing applications by the time they were received and by staffing vendor.
 */
export const reviewQueueMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`alter table cases add column assigned_to uuid references users (id)`,
      sql`alter table cases add column assigned_at timestamptz(3)`,
      sql`alter table cases add constraint cases_assignment_check check ((assigned_to is null) = (assigned_at is null))`,
      sql`create index cases_assigned_idx on cases (assigned_to, opened_at) where status = 'open'`,
      sql`create index cases_subject_idx on cases (subject_kind, subject_id, opened_at)`,
      sql`create index screening_results_score_idx on screening_results (score desc)`,
      sql`create index applications_received_idx on applications (received_at desc, id desc)`,
      sql`create index applications_staffing_vendor_idx on applications (lower(btrim(record -> 'staffingVendor' ->> 'name')))`,
    ]),
}
