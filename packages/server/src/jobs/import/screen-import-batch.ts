import type { ImportRowResult, StagedImportRow } from '@hirewall/store'
import type { SubmissionResult } from '../../screening/screening-service.js'
import type { ImportBatchData } from './import-queues.js'
import { hasEnded, importActor, type ImportWorkerContext } from './import-worker-context.js'
import { settle } from './settle-import.js'

/** What screening one batch did. */
export type ScreenedBatch =
  | { readonly status: 'screened'; readonly recorded: number; readonly retried: number }
  | { readonly status: 'skipped'; readonly reason: string }

/**
 * Screens the rows of one batch still staged (rows recorded by an earlier attempt are gone from staging) with one
 * `submitMany`, then records them in one transaction. A row whose application came back `existing` although this
 * import's own earlier attempt created it (that attempt was killed after the screening committed, before the rows were
 * recorded) is recorded `created`, as the audit log shows: counts stay exact across crashes. Rows the pipeline could
 * not store just now (`unavailable`, `closed`) stay staged and the batch fails, to be retried.
 */
export async function screenImportBatch(context: ImportWorkerContext, batch: ImportBatchData): Promise<ScreenedBatch> {
  const { store } = context
  const job = await store.importJobs.find(batch.importId)
  if (job === undefined) return { status: 'skipped', reason: 'no such import' }
  if (hasEnded(job.status)) return { status: 'skipped', reason: `the import is ${job.status}` }
  const staged = await store.importUploads.staged(batch.importId, batch.fromLine, batch.toLine)
  if (staged.length === 0) {
    await store.transaction((repositories) => settle(repositories, batch.importId))
    return { status: 'screened', recorded: 0, retried: 0 }
  }
  const actor = importActor(batch.importId)
  const results = await context.screening.submitMany(staged.map((row) => ({ record: row.record, raw: row.raw, actor })))
  const rows: ImportRowResult[] = []
  let retried = 0
  let retryReason = ''
  for (const [index, row] of staged.entries()) {
    const result = results[index]
    if (result === undefined || isRetryable(result)) {
      retried += 1
      retryReason = result?.status === 'failed' ? result.message : 'no result'
      continue
    }
    rows.push(toRowResult(row, result))
  }
  const existing = rows.flatMap((row) => (row.status === 'existing' && row.applicationId ? [row.applicationId] : []))
  const ours = await store.importJobs.submittedBy(actor, existing)
  const corrected = rows.map((row) =>
    row.status === 'existing' && row.applicationId !== undefined && ours.has(row.applicationId)
      ? { ...row, status: 'created' as const }
      : row,
  )
  const recorded = await store.transaction(async (repositories) => {
    const { recorded: stored } = await repositories.importJobs.recordRows(batch.importId, corrected)
    await settle(repositories, batch.importId)
    return stored.length
  })
  if (retried > 0) throw new Error(`${retried} of ${staged.length} rows could not be screened now: ${retryReason}`)
  return { status: 'screened', recorded, retried }
}

function isRetryable(result: SubmissionResult): boolean {
  return result.status === 'failed' && (result.code === 'unavailable' || result.code === 'closed')
}

function toRowResult(row: StagedImportRow, result: SubmissionResult): ImportRowResult {
  const where = { line: row.line, sourceLine: row.sourceLine }
  if (result.status === 'failed') {
    return { ...where, status: 'failed', issues: [{ path: '(row)', code: result.code, message: result.message }] }
  }
  return { ...where, status: result.status, applicationId: result.application.id }
}
