import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { createAuditLogRepository } from '../repositories/audit-log-repository.js'

/**
 * A retention policy whose source is `workforce:<feed>` (`workforce:okta`, `workforce:osquery`...) applies to the
 * after-hire feed records stored from that feed, not to applications.
 */
export const workforceSourcePrefix = 'workforce:'

export function isWorkforceSource(sourceSystem: string): boolean {
  return sourceSystem.startsWith(workforceSourcePrefix)
}

type WorkforcePolicy = { readonly sourceSystem: string; readonly maxAgeDays: number }

/** The feed's records whose event (or, without one, receipt) is before the cutoff. */
function dueRecords(db: Kysely<Database>, policy: WorkforcePolicy, cutoff: Date) {
  return db
    .selectFrom('workforce_records')
    .where('source', '=', policy.sourceSystem.slice(workforceSourcePrefix.length))
    .where(sql<boolean>`coalesce(at, received_at) < ${cutoff}`)
}

export async function countDueWorkforceRecords(
  db: Kysely<Database>,
  policy: WorkforcePolicy,
  cutoff: Date,
): Promise<number> {
  const row = await dueRecords(db, policy, cutoff)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * Deletes the feed's records older than the cutoff, a page per transaction with an audit entry counting them by kind.
 * Employees, their assessments and cases stay: an assessment is what was concluded then, with its evidence. A process
 * that rebuilds its evaluator afterwards (a restart) replays only the records kept.
 */
export async function deleteDueWorkforceRecords(
  db: Kysely<Database>,
  policy: WorkforcePolicy,
  cutoff: Date,
  options: { readonly actor: string; readonly pageSize: number },
): Promise<number> {
  let deleted = 0
  for (;;) {
    const done = await db.transaction().execute(async (transaction) => {
      const page = await dueRecords(transaction, policy, cutoff)
        .select(['seq', 'kind'])
        .orderBy('seq')
        .limit(options.pageSize)
        .execute()
      if (page.length === 0) return 0
      await transaction
        .deleteFrom('workforce_records')
        .where(
          'seq',
          'in',
          page.map((row) => row.seq),
        )
        .execute()
      const kinds: Record<string, number> = {}
      for (const row of page) kinds[row.kind] = (kinds[row.kind] ?? 0) + 1
      await createAuditLogRepository(transaction).append({
        actor: options.actor,
        action: 'retention.deleted',
        target: `source:${policy.sourceSystem}`,
        details: { maxAgeDays: policy.maxAgeDays, cutoff: cutoff.toISOString(), workforceRecords: kinds },
      })
      return page.length
    })
    deleted += done
    if (done < options.pageSize) return deleted
  }
}
