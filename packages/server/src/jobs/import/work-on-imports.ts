import type { JobQueue } from '../job-queue.js'
import { failUnreadableImport, failUnscreenableBatch } from './import-dead-letters.js'
import { importQueues, type ImportBatchData, type ImportPrepareData } from './import-queues.js'
import type { ImportWorkerContext } from './import-worker-context.js'
import { prepareImport } from './prepare-import.js'
import { screenImportBatch } from './screen-import-batch.js'

export type ImportWorkOptions = {
  /** Batches this process screens at once (default 2); uploads are read one at a time. */
  readonly batchConcurrency?: number
}

/** Starts this process's import workers on the queue (start the queue first); `queue.stop()` stops them. */
export function workOnImports(queue: JobQueue, context: ImportWorkerContext, options: ImportWorkOptions = {}): void {
  queue.work<ImportPrepareData>(importQueues.prepare, (job) => prepareImport(context, job.data.importId))
  queue.work<ImportBatchData>(importQueues.batch, (job) => screenImportBatch(context, job.data), {
    concurrency: options.batchConcurrency ?? 2,
  })
  queue.work<ImportPrepareData>(importQueues.prepareDead, (job) => failUnreadableImport(context, job.data))
  queue.work<ImportBatchData>(importQueues.batchDead, (job) => failUnscreenableBatch(context, job.data))
}
