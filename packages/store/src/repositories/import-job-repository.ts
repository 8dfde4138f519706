import type { Kysely, Selectable } from 'kysely'
import type { Database, ImportJobRowsTable, ImportJobsTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { isUuid } from '../database/is-uuid.js'
import { toJson } from '../database/json-text.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import type { ImportJobStatus, ImportRowStatus } from '../store-vocabularies.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** A bulk import's bookkeeping; the queue that runs it (pg-boss) keeps its own tables. */
export type ImportJob = {
  readonly id: string
  /** `csv`, `jsonl`, `json`... as the upload was read. */
  readonly format: string
  readonly fileName: string | null
  readonly status: ImportJobStatus
  /** Known once the file is counted; null before. */
  readonly totalRows: number | null
  readonly processedRows: number
  readonly rowCounts: Readonly<Record<ImportRowStatus, number>>
  readonly error: string | null
  readonly createdBy: string
  readonly createdAt: Date
  readonly startedAt: Date | null
  readonly finishedAt: Date | null
}

/** What became of one input line. */
export type ImportRowResult = {
  /** 1-based line (or record number) in the upload. */
  readonly line: number
  readonly status: ImportRowStatus
  readonly applicationId?: string
  /** For `invalid` rows: the validation issues with field paths; for `failed`: the error. */
  readonly issues?: unknown
}

export type StoredImportRow = ImportRowResult & { readonly recordedAt: Date }

export type ImportJobRepository = {
  create(job: { readonly format: string; readonly fileName?: string; readonly createdBy: string }): Promise<ImportJob>
  find(id: string): Promise<ImportJob | undefined>
  /** Marks the job running (keeping the first start time across restarts) and sets its row count when known. */
  start(id: string, totalRows?: number): Promise<ImportJob>
  /**
   * Records a line's result once: a line recorded before (by a run that was killed) is left as it was and the
   * counters do not move, so progress stays exact across restarts. Returns whether this call recorded it.
   */
  recordRow(jobId: string, row: ImportRowResult): Promise<boolean>
  /** The lines already recorded, for a restarted job to skip. */
  recordedLines(jobId: string): Promise<ReadonlySet<number>>
  /** Rows in line order, optionally one status only. */
  rows(
    jobId: string,
    filter?: { readonly status?: ImportRowStatus },
    request?: PageRequest,
  ): Promise<Page<StoredImportRow>>
  finish(
    id: string,
    outcome: { readonly status: 'completed' | 'failed' | 'cancelled'; readonly error?: string },
  ): Promise<ImportJob>
}

const counterColumns = {
  created: 'created_rows',
  existing: 'existing_rows',
  invalid: 'invalid_rows',
  failed: 'failed_rows',
} as const satisfies Record<ImportRowStatus, keyof ImportJobsTable>

export function createImportJobRepository(db: Kysely<Database>): ImportJobRepository {
  const notFound = (id: string): StoreError => new StoreError('not-found', `No import job ${id}`, { target: 'jobId' })

  return {
    create: (job) =>
      translatingErrors(async () => {
        const row = await db
          .insertInto('import_jobs')
          .values({ format: job.format, file_name: job.fileName ?? null, status: 'queued', created_by: job.createdBy })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toImportJob(row)
      }),
    find: async (id) => {
      if (!isUuid(id)) return undefined
      const row = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toImportJob(row)
    },
    start: (id, totalRows) =>
      translatingErrors(async () => {
        if (!isUuid(id)) throw notFound(id)
        const row = await db
          .updateTable('import_jobs')
          .set((eb) => ({
            status: 'running',
            started_at: eb.fn.coalesce('started_at', eb.val(new Date())),
            ...(totalRows === undefined ? {} : { total_rows: totalRows }),
          }))
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst()
        if (!row) throw notFound(id)
        return toImportJob(row)
      }),
    recordRow: (jobId, row) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          const inserted = await transaction
            .insertInto('import_job_rows')
            .values({
              job_id: jobId,
              line: row.line,
              status: row.status,
              application_id: row.applicationId ?? null,
              issues: row.issues === undefined ? null : toJson(row.issues),
            })
            .onConflict((conflict) => conflict.columns(['job_id', 'line']).doNothing())
            .returning('line')
            .executeTakeFirst()
          if (!inserted) return false
          const counter = counterColumns[row.status]
          await transaction
            .updateTable('import_jobs')
            .set((eb) => ({ processed_rows: eb('processed_rows', '+', 1), [counter]: eb(counter, '+', 1) }))
            .where('id', '=', jobId)
            .execute()
          return true
        }),
      ),
    recordedLines: async (jobId) => {
      if (!isUuid(jobId)) return new Set()
      const rows = await db.selectFrom('import_job_rows').select('line').where('job_id', '=', jobId).execute()
      return new Set(rows.map((row) => row.line))
    },
    rows: async (jobId, filter = {}, request = {}) => {
      const limit = pageLimit(request)
      if (!isUuid(jobId)) return { items: [], nextCursor: undefined }
      let query = db.selectFrom('import_job_rows').selectAll().where('job_id', '=', jobId)
      if (filter.status !== undefined) query = query.where('status', '=', filter.status)
      if (request.after !== undefined) {
        const [line] = decodeCursor('import-rows', request.after, ['number'])
        query = query.where('line', '>', line)
      }
      const rows = await query
        .orderBy('line')
        .limit(limit + 1)
        .execute()
      return toPage(rows, limit, toStoredRow, (row) => encodeCursor('import-rows', [row.line]))
    },
    finish: (id, outcome) =>
      translatingErrors(async () => {
        if (!isUuid(id)) throw notFound(id)
        const row = await db
          .updateTable('import_jobs')
          .set({ status: outcome.status, error: outcome.error ?? null, finished_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst()
        if (!row) throw notFound(id)
        return toImportJob(row)
      }),
  }
}

function toImportJob(row: Selectable<ImportJobsTable>): ImportJob {
  return {
    id: row.id,
    format: row.format,
    fileName: row.file_name,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    rowCounts: {
      created: row.created_rows,
      existing: row.existing_rows,
      invalid: row.invalid_rows,
      failed: row.failed_rows,
    },
    error: row.error,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }
}

function toStoredRow(row: Selectable<ImportJobRowsTable>): StoredImportRow {
  const stored = { line: row.line, status: row.status, recordedAt: row.recorded_at }
  return {
    ...stored,
    ...(row.application_id === null ? {} : { applicationId: row.application_id }),
    ...(row.issues === null ? {} : { issues: row.issues }),
  }
}
