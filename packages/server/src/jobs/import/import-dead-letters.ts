import type { ImportBatchData, ImportPrepareData } from './import-queues.js'
import { hasEnded, type ImportWorkerContext } from './import-worker-context.js'
import { settle } from './settle-import.js'

/** An upload that could not be read after every attempt: the import fails, saying so, and its upload is dropped. */
export async function failUnreadableImport(context: ImportWorkerContext, data: ImportPrepareData): Promise<void> {
  const job = await context.store.importJobs.find(data.importId)
  if (job === undefined || hasEnded(job.status)) return
  await context.store.transaction(async (repositories) => {
    await repositories.importJobs.finish(data.importId, {
      status: 'failed',
      error: 'The upload could not be read after several attempts; the server log has the cause.',
    })
    await repositories.importUploads.release(data.importId)
  })
}

/**
 * A batch that failed every attempt: its rows still staged are recorded `failed`, so the import still ends and says
 * which rows were not screened (submitting them again later creates nothing twice).
 */
export async function failUnscreenableBatch(context: ImportWorkerContext, batch: ImportBatchData): Promise<void> {
  const job = await context.store.importJobs.find(batch.importId)
  if (job === undefined || hasEnded(job.status)) return
  const staged = await context.store.importUploads.staged(batch.importId, batch.fromLine, batch.toLine)
  await context.store.transaction(async (repositories) => {
    await repositories.importJobs.recordRows(
      batch.importId,
      staged.map((row) => ({
        line: row.line,
        sourceLine: row.sourceLine,
        status: 'failed' as const,
        issues: [
          {
            path: '(row)',
            code: 'unavailable',
            message: 'Could not be screened after several attempts; upload the file again to retry these rows.',
          },
        ],
      })),
    )
    await settle(repositories, batch.importId)
  })
}
