import type { Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { toJson } from '../database/json-text.js'
import { translatingErrors } from '../database/store-error.js'

/** How far a background job got, saved as it goes so a retried attempt resumes there (a re-screening's last id). */
export type JobProgress = {
  readonly jobId: string
  readonly queue: string
  readonly progress: Readonly<Record<string, unknown>>
  readonly updatedAt: Date
}

export type JobProgressRepository = {
  /** Saves (replaces) a job's progress. */
  save(jobId: string, queue: string, progress: Readonly<Record<string, unknown>>): Promise<void>
  find(jobId: string): Promise<JobProgress | undefined>
}

export function createJobProgressRepository(db: Kysely<Database>): JobProgressRepository {
  return {
    save: (jobId, queue, progress) =>
      translatingErrors(async () => {
        await db
          .insertInto('job_progress')
          .values({ job_id: jobId, queue, progress: toJson(progress) })
          .onConflict((conflict) =>
            conflict.column('job_id').doUpdateSet({ progress: toJson(progress), updated_at: new Date() }),
          )
          .execute()
      }),
    find: async (jobId) => {
      if (!isUuid(jobId)) return undefined
      const row = await db.selectFrom('job_progress').selectAll().where('job_id', '=', jobId).executeTakeFirst()
      return row && { jobId: row.job_id, queue: row.queue, progress: row.progress, updatedAt: row.updated_at }
    },
  }
}
