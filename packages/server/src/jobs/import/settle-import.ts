import type { ImportJob, Repositories } from '@hirewall/store'
import { hasEnded } from './import-worker-context.js'

/** Completes the job when every row is recorded, dropping its upload; the job as it is now. */
export async function settle(
  repositories: Pick<Repositories, 'importJobs' | 'importUploads'>,
  importId: string,
): Promise<ImportJob> {
  const job = await repositories.importJobs.completeIfDone(importId)
  if (hasEnded(job.status)) await repositories.importUploads.release(importId)
  return job
}
