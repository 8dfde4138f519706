import { sql, type Migration } from 'kysely'
import { runStatements } from './run-statements.js'

/**
 * Personal data after the hire: when an employee and a post-hire record were anonymised by a data-subject erasure,
 * and the change migration 015 allows on screening results also on employee assessments: erasing a signal's message
 * and evidence, or re-sealing them under a new key, only inside a transaction that sets `hirewall.redacting`.
 */
export const workforcePersonalDataMigration: Migration = {
  up: (db) =>
    runStatements(db, [
      sql`alter table employees add column anonymised_at timestamptz(3)`,
      sql`alter table workforce_records add column anonymised_at timestamptz(3)`,
      sql`drop trigger employee_assessments_append_only on employee_assessments`,
      sql`create trigger employee_assessments_append_only before update on employee_assessments
        for each row execute function hirewall_refuse_change_unless_redacting('signals')`,
    ]),
}
