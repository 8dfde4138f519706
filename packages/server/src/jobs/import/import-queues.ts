import type { JobQueue, QueueDefinition, SendOptions } from '../job-queue.js'

/** The queues of bulk imports: reading an upload, screening its rows a batch at a time, and their dead letters. */
export const importQueues = {
  prepare: 'import-prepare',
  batch: 'import-batch',
  prepareDead: 'import-prepare-dead',
  batchDead: 'import-batch-dead',
} as const

/** Reads an upload's rows, records the invalid ones, stages the valid ones and queues their batches. */
export type ImportPrepareData = { readonly importId: string }

/** Screens the staged rows numbered `fromLine` to `toLine` of one import. */
export type ImportBatchData = { readonly importId: string; readonly fromLine: number; readonly toLine: number }

export type ImportQueueOptions = {
  /** How long screening one batch may take before another worker retries it (default 60 s). */
  readonly batchExpireSeconds?: number
  /** How long reading and staging one upload may take before another worker retries it (default 15 min). */
  readonly prepareExpireSeconds?: number
}

/** The import queues' rules: a failed attempt is retried with backoff, the last failure goes to a dead letter. */
export function importQueueDefinitions(options: ImportQueueOptions = {}): readonly QueueDefinition[] {
  const deadLetter = { retryLimit: 3, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 300 }
  return [
    { name: importQueues.prepareDead, ...deadLetter },
    { name: importQueues.batchDead, ...deadLetter },
    {
      name: importQueues.prepare,
      retryLimit: 3,
      retryDelaySeconds: 5,
      retryBackoff: true,
      expireInSeconds: options.prepareExpireSeconds ?? 900,
      deadLetter: importQueues.prepareDead,
    },
    {
      name: importQueues.batch,
      retryLimit: 5,
      retryDelaySeconds: 2,
      retryBackoff: true,
      expireInSeconds: options.batchExpireSeconds ?? 60,
      deadLetter: importQueues.batchDead,
    },
  ]
}

/** Queues the reading of an upload; inside the transaction that stored it, so a job exists exactly when its upload does. */
export async function enqueueImport(
  queue: JobQueue,
  importId: string,
  options: Pick<SendOptions, 'transaction'> = {},
): Promise<void> {
  await queue.send(importQueues.prepare, { importId } satisfies ImportPrepareData, { ...options, id: importId })
}
