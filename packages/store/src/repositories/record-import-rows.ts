import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { toJson } from '../database/json-text.js'
import type { ImportRowStatus } from '../store-vocabularies.js'
import type { ImportRowResult } from './import-job-repository.js'

const counterColumns = {
  created: 'created_rows',
  existing: 'existing_rows',
  invalid: 'invalid_rows',
  failed: 'failed_rows',
} as const satisfies Record<ImportRowStatus, string>

/**
 * Records rows of one import job inside the caller's transaction and returns those it recorded. Workers sharing the
 * job take turns on a transaction-level lock of the job, so the check "has another row of this job created this
 * application?" and the insert that follows see each other's rows; a unique index backs it up.
 */
export async function recordImportRows(
  transaction: Kysely<Database>,
  jobId: string,
  rows: readonly ImportRowResult[],
): Promise<readonly ImportRowResult[]> {
  if (rows.length === 0) return []
  await sql`select pg_advisory_xact_lock(hashtext('hirewall.import-rows'), hashtext(${jobId}))`.execute(transaction)
  const createdIds = rows.flatMap((row) =>
    row.status === 'created' && row.applicationId !== undefined ? [row.applicationId] : [],
  )
  const taken = new Set<string>()
  if (createdIds.length > 0) {
    const earlier = await transaction
      .selectFrom('import_job_rows')
      .select('application_id')
      .where('job_id', '=', jobId)
      .where('status', '=', 'created')
      .where('application_id', 'in', createdIds)
      .execute()
    for (const row of earlier) if (row.application_id !== null) taken.add(row.application_id)
  }
  const toRecord = rows.map((row): ImportRowResult => {
    if (row.status !== 'created' || row.applicationId === undefined) return row
    if (taken.has(row.applicationId)) return { ...row, status: 'existing' }
    taken.add(row.applicationId)
    return row
  })
  const inserted = await transaction
    .insertInto('import_job_rows')
    .values(
      toRecord.map((row) => ({
        job_id: jobId,
        line: row.line,
        source_line: row.sourceLine ?? null,
        status: row.status,
        application_id: row.applicationId ?? null,
        issues: row.issues === undefined ? null : toJson(row.issues),
      })),
    )
    .onConflict((conflict) => conflict.columns(['job_id', 'line']).doNothing())
    .returning('line')
    .execute()
  const insertedLines = new Set(inserted.map((row) => row.line))
  const recorded = toRecord.filter((row) => insertedLines.has(row.line))
  if (recorded.length > 0) {
    const counts = new Map<ImportRowStatus, number>()
    for (const row of recorded) counts.set(row.status, (counts.get(row.status) ?? 0) + 1)
    await transaction
      .updateTable('import_jobs')
      .set((eb) => {
        const set: Record<string, unknown> = { processed_rows: eb('processed_rows', '+', recorded.length) }
        for (const [status, count] of counts) set[counterColumns[status]] = eb(counterColumns[status], '+', count)
        return set
      })
      .where('id', '=', jobId)
      .execute()
  }
  await transaction
    .deleteFrom('import_job_inputs')
    .where('job_id', '=', jobId)
    .where(
      'line',
      'in',
      rows.map((row) => row.line),
    )
    .execute()
  return recorded
}
