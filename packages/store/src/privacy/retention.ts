import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { StoreError } from '../database/store-error.js'
import { createAuditLogRepository } from '../repositories/audit-log-repository.js'
import { anonymiseApplications } from './anonymise-applications.js'
import type { PersonalDataContext } from './subject-requests.js'
import { countDueWorkforceRecords, deleteDueWorkforceRecords, isWorkforceSource } from './workforce-retention.js'

export const retentionActions = ['delete', 'anonymise'] as const
export type RetentionAction = (typeof retentionActions)[number]

/**
 * How long applications from one source system are kept, and what happens to them after; a `workforce:<feed>` source
 * is the after-hire feed records from that feed (sign-ins, device check-ins...), which are deleted.
 */
export type RetentionPolicy = {
  readonly sourceSystem: string
  readonly maxAgeDays: number
  readonly action: RetentionAction
  readonly updatedBy: string
  readonly updatedAt: Date
}

export type RetentionPolicyReport = {
  readonly sourceSystem: string
  readonly action: RetentionAction
  readonly maxAgeDays: number
  /** Applications received before this are due. */
  readonly cutoff: string
  /** Due applications (on a dry run, what a run would change). */
  readonly due: number
  /** Applications deleted or anonymised (0 on a dry run). */
  readonly applied: number
}

export type RetentionReport = {
  readonly isDryRun: boolean
  readonly policies: readonly RetentionPolicyReport[]
}

const dayMs = 86_400_000

/** The policies, by source system. */
export async function listRetentionPolicies(db: Kysely<Database>): Promise<readonly RetentionPolicy[]> {
  const rows = await db.selectFrom('retention_policies').selectAll().orderBy('source_system').execute()
  return rows.map((row) => ({
    sourceSystem: row.source_system,
    maxAgeDays: row.max_age_days,
    action: row.action,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }))
}

/** Sets (or replaces) the policy of a source system, audit-logged. */
export async function setRetentionPolicy(
  db: Kysely<Database>,
  policy: { readonly sourceSystem: string; readonly maxAgeDays: number; readonly action: RetentionAction },
  actor: string,
): Promise<void> {
  if (!Number.isInteger(policy.maxAgeDays) || policy.maxAgeDays < 1) {
    throw new StoreError('invalid-value', 'maxAgeDays must be a whole number of days, at least 1', {
      target: 'maxAgeDays',
    })
  }
  if (policy.sourceSystem.trim() === '') {
    throw new StoreError('invalid-value', 'sourceSystem must not be empty', { target: 'sourceSystem' })
  }
  if (isWorkforceSource(policy.sourceSystem) && policy.action !== 'delete') {
    throw new StoreError('invalid-value', 'workforce feed records are deleted, not anonymised: use action delete', {
      target: 'action',
    })
  }
  await db.transaction().execute(async (transaction) => {
    const now = new Date()
    await transaction
      .insertInto('retention_policies')
      .values({
        source_system: policy.sourceSystem,
        max_age_days: policy.maxAgeDays,
        action: policy.action,
        updated_by: actor,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict
          .column('source_system')
          .doUpdateSet({ max_age_days: policy.maxAgeDays, action: policy.action, updated_by: actor, updated_at: now }),
      )
      .execute()
    await createAuditLogRepository(transaction).append({
      actor,
      action: 'retention.policy-set',
      target: `source:${policy.sourceSystem}`,
      details: { maxAgeDays: policy.maxAgeDays, action: policy.action },
    })
  })
}

/** Removes the policy of a source system (its applications are then kept); false when there was none. */
export async function removeRetentionPolicy(
  db: Kysely<Database>,
  sourceSystem: string,
  actor: string,
): Promise<boolean> {
  return db.transaction().execute(async (transaction) => {
    const deleted = await transaction
      .deleteFrom('retention_policies')
      .where('source_system', '=', sourceSystem)
      .executeTakeFirst()
    if (Number(deleted.numDeletedRows) === 0) return false
    await createAuditLogRepository(transaction).append({
      actor,
      action: 'retention.policy-removed',
      target: `source:${sourceSystem}`,
    })
    return true
  })
}

/**
 * Applies every policy: applications from the source received more than `maxAgeDays` ago are deleted or anonymised,
 * except those kept for a reason: a `confirmed-fraud` decision on the application or its cluster, an open case on
 * either, or a hire (ATS hire or employee). Pages of `pageSize` commit one at a time, each with an audit entry of its
 * application ids, so a stopped run loses nothing and the next run goes on. `isDryRun` counts without changing.
 */
export async function runRetention(
  context: PersonalDataContext,
  options: { readonly actor: string; readonly isDryRun?: boolean; readonly now?: Date; readonly pageSize?: number },
): Promise<RetentionReport> {
  const { db, cipher } = context
  const now = options.now ?? new Date()
  const pageSize = options.pageSize ?? 200
  const hasEmployees = await tableExists(db, 'employees')
  const reports: RetentionPolicyReport[] = []
  for (const policy of await listRetentionPolicies(db)) {
    const cutoff = new Date(now.getTime() - policy.maxAgeDays * dayMs)
    if (isWorkforceSource(policy.sourceSystem)) {
      if (!hasEmployees) continue
      const count =
        options.isDryRun === true
          ? await countDueWorkforceRecords(db, policy, cutoff)
          : await deleteDueWorkforceRecords(db, policy, cutoff, { actor: options.actor, pageSize })
      reports.push(report(policy, cutoff, count, options.isDryRun === true ? 0 : count))
      continue
    }
    const due = (transaction: Kysely<Database>) =>
      dueApplications(transaction, policy.sourceSystem, cutoff, hasEmployees)
    if (options.isDryRun === true) {
      const row = await due(db)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      reports.push(report(policy, cutoff, Number(row.count), 0))
      continue
    }
    let applied = 0
    for (;;) {
      const done = await db.transaction().execute(async (transaction) => {
        const rows = await due(transaction).select('a.id').orderBy('a.id').limit(pageSize).execute()
        const ids = rows.map((row) => row.id)
        if (ids.length === 0) return 0
        if (policy.action === 'anonymise') await anonymiseApplications(transaction, cipher, ids, now)
        else await deleteApplications(transaction, ids)
        await createAuditLogRepository(transaction).append({
          actor: options.actor,
          action: policy.action === 'anonymise' ? 'retention.anonymised' : 'retention.deleted',
          target: `source:${policy.sourceSystem}`,
          details: { maxAgeDays: policy.maxAgeDays, cutoff: cutoff.toISOString(), applicationIds: ids },
        })
        return ids.length
      })
      applied += done
      if (done < pageSize) break
    }
    reports.push(report(policy, cutoff, applied, applied))
  }
  return { isDryRun: options.isDryRun === true, policies: reports }
}

function report(policy: RetentionPolicy, cutoff: Date, due: number, applied: number): RetentionPolicyReport {
  return {
    sourceSystem: policy.sourceSystem,
    action: policy.action,
    maxAgeDays: policy.maxAgeDays,
    cutoff: cutoff.toISOString(),
    due,
    applied,
  }
}

/** Applications of the source received before the cutoff, not yet anonymised, that nothing keeps. */
function dueApplications(db: Kysely<Database>, sourceSystem: string, cutoff: Date, hasEmployees: boolean) {
  const aboutIt = sql`((d.subject_kind = 'application' and d.subject_id = a.id)
    or (d.subject_kind = 'cluster' and d.subject_id = (select m.cluster_id from cluster_members m
      where m.application_id = a.id)))`
  return db
    .selectFrom('applications as a')
    .where('a.source_system', '=', sourceSystem)
    .where('a.received_at', '<', cutoff)
    .where('a.anonymised_at', 'is', null)
    .where(sql<boolean>`not exists (select 1 from decisions d where d.verdict = 'confirmed-fraud' and ${aboutIt})`)
    .where(sql<boolean>`not exists (select 1 from cases d where d.status = 'open' and ${aboutIt})`)
    .where(sql<boolean>`not exists (select 1 from ats_hires h where h.application_id = a.id)`)
    .$if(hasEmployees, (query) =>
      query.where(sql<boolean>`not exists (select 1 from employees e where e.application_id = a.id)`),
    )
}

/**
 * Deletes the applications and every row about them: identifiers, cluster memberships (and clusters left empty),
 * decisions, closed cases, results. Audit entries, import rows and webhook events keep their ids.
 */
async function deleteApplications(transaction: Kysely<Database>, applicationIds: readonly string[]): Promise<void> {
  const ids = [...applicationIds]
  const anyId = (column: string) => sql<boolean>`${sql.ref(column)} = any(${ids}::text[])`
  await transaction.deleteFrom('application_identifiers').where(anyId('application_id')).execute()
  const clusters = await transaction
    .deleteFrom('cluster_members')
    .where(anyId('application_id'))
    .returning('cluster_id')
    .execute()
  const clusterIds = [...new Set(clusters.map((row) => row.cluster_id))]
  if (clusterIds.length > 0) {
    await transaction
      .deleteFrom('clusters')
      .where('id', 'in', clusterIds)
      .where(sql<boolean>`not exists (select 1 from cluster_members m where m.cluster_id = clusters.id)`)
      .execute()
  }
  await transaction
    .deleteFrom('decisions')
    .where('subject_kind', '=', 'application')
    .where(anyId('subject_id'))
    .execute()
  await transaction.deleteFrom('cases').where('subject_kind', '=', 'application').where(anyId('subject_id')).execute()
  await sql`update applications set latest_result_id = null where id = any(${ids}::text[])`.execute(transaction)
  await transaction.deleteFrom('screening_results').where(anyId('application_id')).execute()
  await transaction.deleteFrom('applications').where(anyId('id')).execute()
}

async function tableExists(db: Kysely<Database>, table: string): Promise<boolean> {
  const result = await sql<{ found: string | null }>`select to_regclass(${table})::text as found`.execute(db)
  return result.rows[0]?.found != null
}
