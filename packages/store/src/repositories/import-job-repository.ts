import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, ImportJobRowsTable, ImportJobsTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { isUuid } from '../database/is-uuid.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import type { ImportJobStatus, ImportRowStatus } from '../store-vocabularies.js'
import { recordImportRows } from './record-import-rows.js'
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

/** What became of one input row. */
export type ImportRowResult = {
  /** 1-based number of the row (the application) in the upload, in reading order; the row's key in its job. */
  readonly line: number
  /** Where the row starts in the file (1-based line; a JSON array element's position); rows of one value share it. */
  readonly sourceLine?: number
  readonly status: ImportRowStatus
  readonly applicationId?: string
  /** For `invalid` rows: the validation issues with field paths; for `failed`: the error. */
  readonly issues?: unknown
}

export type StoredImportRow = ImportRowResult & { readonly recordedAt: Date }

/** What `recordRows` stored: the rows it recorded (others were recorded before) and the job afterwards. */
export type RecordedImportRows = { readonly recorded: readonly ImportRowResult[]; readonly job: ImportJob }

export type ImportJobRepository = {
  create(job: { readonly format: string; readonly fileName?: string; readonly createdBy: string }): Promise<ImportJob>
  find(id: string): Promise<ImportJob | undefined>
  /** Jobs newest first, optionally one status only. */
  list(filter?: { readonly status?: ImportJobStatus }, request?: PageRequest): Promise<Page<ImportJob>>
  /**
   * Marks a queued or running job running (keeping the first start time across restarts) and sets its row count when
   * known. A job that has ended is returned as it is: a late worker never revives a cancelled job.
   */
  start(id: string, totalRows?: number): Promise<ImportJob>
  /**
   * Records a line's result once: a line recorded before (by a run that was killed) is left as it was and the
   * counters do not move, so progress stays exact across restarts. Returns whether this call recorded it.
   */
  recordRow(jobId: string, row: ImportRowResult): Promise<boolean>
  /**
   * Records several rows in one transaction, as `recordRow` does each: rows recorded before are left as they were and
   * counted once. An application is `created` by at most one row of a job: a later row naming an application another
   * row created (the same application twice in one file) is recorded `existing`. Workers sharing a job take turns
   * here. A recorded row's staged input is deleted. The job completes when its last row is recorded.
   */
  recordRows(jobId: string, rows: readonly ImportRowResult[]): Promise<RecordedImportRows>
  /** The lines already recorded, for a restarted job to skip. */
  recordedLines(jobId: string): Promise<ReadonlySet<number>>
  /**
   * Of `applicationIds`, those this actor submitted (their `application.submitted` audit entry names it): a row whose
   * application came back `existing` after a crash was created by this import when its own earlier attempt did it.
   */
  submittedBy(actor: string, applicationIds: readonly string[]): Promise<ReadonlySet<string>>
  /** Rows in line order, optionally one status only. */
  rows(
    jobId: string,
    filter?: { readonly status?: ImportRowStatus },
    request?: PageRequest,
  ): Promise<Page<StoredImportRow>>
  /** Completes a running job whose rows are all recorded (its row count known); returns the job either way. */
  completeIfDone(id: string): Promise<ImportJob>
  /**
   * Ends a queued or running job. A job that has already ended is returned as it is, so a caller can tell a cancel
   * that came too late from one that took effect.
   */
  finish(
    id: string,
    outcome: { readonly status: 'completed' | 'failed' | 'cancelled'; readonly error?: string },
  ): Promise<ImportJob>
}

const activeStatuses: readonly ImportJobStatus[] = ['queued', 'running']

export function createImportJobRepository(db: Kysely<Database>): ImportJobRepository {
  const notFound = (id: string): StoreError => new StoreError('not-found', `No import job ${id}`, { target: 'jobId' })
  const findRow = (id: string): Promise<Selectable<ImportJobsTable> | undefined> =>
    db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst()

  // An update that only applies to jobs still queued or running; an ended job is read back unchanged.
  async function updateActive(
    id: string,
    update: (query: ReturnType<typeof updateJobs>) => ReturnType<typeof updateJobs>,
  ): Promise<ImportJob> {
    if (!isUuid(id)) throw notFound(id)
    const row = await update(updateJobs(db).where('id', '=', id).where('status', 'in', activeStatuses))
      .returningAll()
      .executeTakeFirst()
    const current = row ?? (await findRow(id))
    if (!current) throw notFound(id)
    return toImportJob(current)
  }

  const repository: ImportJobRepository = {
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
      const row = await findRow(id)
      return row && toImportJob(row)
    },
    list: async (filter = {}, request = {}) => {
      const limit = pageLimit(request)
      let query = db.selectFrom('import_jobs').selectAll()
      if (filter.status !== undefined) query = query.where('status', '=', filter.status)
      if (request.after !== undefined) {
        const [createdAt, id] = decodeCursor('import-jobs', request.after, ['number', 'string'])
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', new Date(createdAt)),
            eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '<', id)]),
          ]),
        )
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
      return toPage(rows, limit, toImportJob, (row) => encodeCursor('import-jobs', [row.created_at.getTime(), row.id]))
    },
    start: (id, totalRows) =>
      translatingErrors(() =>
        updateActive(id, (query) =>
          query.set((eb) => ({
            status: 'running',
            started_at: eb.fn.coalesce('started_at', eb.val(new Date())),
            ...(totalRows === undefined ? {} : { total_rows: totalRows }),
          })),
        ),
      ),
    recordRow: async (jobId, row) => (await repository.recordRows(jobId, [row])).recorded.length === 1,
    recordRows: (jobId, rows) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          if (!isUuid(jobId)) throw notFound(jobId)
          const recorded = await recordImportRows(transaction, jobId, rows)
          const job = await createImportJobRepository(transaction).completeIfDone(jobId)
          return { recorded, job }
        }),
      ),
    recordedLines: async (jobId) => {
      if (!isUuid(jobId)) return new Set()
      const rows = await db.selectFrom('import_job_rows').select('line').where('job_id', '=', jobId).execute()
      return new Set(rows.map((row) => row.line))
    },
    submittedBy: async (actor, applicationIds) => {
      if (applicationIds.length === 0) return new Set()
      const rows = await db
        .selectFrom('audit_log')
        .select('target')
        .where(
          'target',
          'in',
          [...new Set(applicationIds)].map((id) => `application:${id}`),
        )
        .where('actor', '=', actor)
        .where('action', '=', 'application.submitted')
        .execute()
      return new Set(rows.flatMap((row) => (row.target === null ? [] : [row.target.slice('application:'.length)])))
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
    completeIfDone: (id) =>
      translatingErrors(async () => {
        if (!isUuid(id)) throw notFound(id)
        const row = await updateJobs(db)
          .set({ status: 'completed', finished_at: sql<Date>`now()` })
          .where('id', '=', id)
          .where('status', '=', 'running')
          .where('total_rows', 'is not', null)
          .where(sql<boolean>`processed_rows >= total_rows`)
          .returningAll()
          .executeTakeFirst()
        const current = row ?? (await findRow(id))
        if (!current) throw notFound(id)
        return toImportJob(current)
      }),
    finish: (id, outcome) =>
      translatingErrors(() =>
        updateActive(id, (query) =>
          query.set({ status: outcome.status, error: outcome.error ?? null, finished_at: new Date() }),
        ),
      ),
  }
  return repository
}

function updateJobs(db: Kysely<Database>) {
  return db.updateTable('import_jobs')
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
    ...(row.source_line === null ? {} : { sourceLine: row.source_line }),
    ...(row.application_id === null ? {} : { applicationId: row.application_id }),
    ...(row.issues === null ? {} : { issues: row.issues }),
  }
}
