import { sql, type Kysely } from 'kysely'
import type { Database } from './database-schema.js'

/**
 * Grants a PostgreSQL role what the running application needs and nothing that could rewrite history: read and
 * write on every table except UPDATE, DELETE and TRUNCATE on `audit_log` and UPDATE and TRUNCATE on
 * `screening_results`, `decisions` and `employee_assessments` (except the columns an erasure blanks: `signals`, `note`). The role must not own the tables (an owner may drop the triggers): run the
 * migrations as the owner, then this as the owner after each migration. Idempotent. See docs/store.md.
 */
export async function grantApplicationRole(db: Kysely<Database>, role: string): Promise<void> {
  const grantee = sql.id(role)
  const statements = [
    sql`grant usage on schema public to ${grantee}`,
    sql`grant select, insert, update, delete on all tables in schema public to ${grantee}`,
    sql`grant usage, select on all sequences in schema public to ${grantee}`,
    sql`revoke update, delete, truncate on audit_log from ${grantee}`,
    sql`revoke update, truncate on screening_results, decisions, employee_assessments from ${grantee}`,
    // Erasure and retention blank a result's signal evidence and a decision's note (migration 015's triggers allow
    // only that, and only in a transaction that sets hirewall.redacting).
    sql`grant update (signals) on screening_results to ${grantee}`,
    sql`grant update (note) on decisions to ${grantee}`,
    // Likewise an assessment's signals (migration 019), which key rotation also re-seals.
    sql`grant update (signals) on employee_assessments to ${grantee}`,
  ]
  for (const statement of statements) await statement.execute(db)
}
