import type { Store } from '@hirewall/store'
import type { ScreeningService } from '../../screening/screening-service.js'
import type { JobQueue } from '../job-queue.js'

/** What the import workers use: the store, the one screening pipeline and the queue they hand batches to. */
export type ImportWorkerContext = {
  readonly store: Store
  readonly screening: Pick<ScreeningService, 'submitMany'>
  readonly queue: JobQueue
  /** Valid rows per batch job, screened with one `submitMany` (default 100). */
  readonly batchSize?: number
  /** Rows written per statement while staging (default 500). */
  readonly stageChunkRows?: number
}

/** Who submits an import's applications, in the audit log and on each application's history. */
export function importActor(importId: string): string {
  return `import:${importId}`
}

/** Jobs that are over: workers leave them alone. */
export function hasEnded(status: string): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled'
}
