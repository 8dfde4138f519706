import { createHash } from 'node:crypto'
import type { ApplicationRecord } from '@hirewall/core'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { toJson } from '../database/json-text.js'
import { translatingErrors } from '../database/store-error.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openDocument, sealDocument } from '../privacy/personal-fields.js'

/** A bulk import's uploaded file: stored with its job so any process can read it, and dropped when the job ends. */
export type ImportUpload = {
  readonly jobId: string
  readonly contentType: string
  readonly sizeBytes: number
  /** SHA-256 of the bytes as received (hex). */
  readonly sha256: string
  /** False once the job has ended and the bytes were dropped. */
  readonly hasContent: boolean
  /** When its rows were read and staged and its batches queued; null before. */
  readonly preparedAt: Date | null
}

/** A valid row read from an upload, waiting to be screened. */
export type StagedImportRow = {
  /** The row's number in the upload (its key in `import_job_rows`). */
  readonly line: number
  readonly sourceLine: number
  readonly record: ApplicationRecord
  readonly raw: unknown
}

export type ImportUploadRepository = {
  /** Stores the bytes of a job's upload (call it in the transaction that creates the job). */
  create(upload: {
    readonly jobId: string
    readonly contentType: string
    readonly content: Uint8Array
  }): Promise<ImportUpload>
  find(jobId: string): Promise<ImportUpload | undefined>
  /** `length` bytes from `offset` (0-based); fewer at the end, none past it or once the bytes were dropped. */
  readContent(jobId: string, offset: number, length: number): Promise<Buffer>
  /** Stages valid rows for screening; a row staged before is left as it was. */
  stage(jobId: string, rows: readonly StagedImportRow[]): Promise<void>
  /** The staged rows from `fromLine` to `toLine` (inclusive) in line order: those not recorded yet. */
  staged(jobId: string, fromLine: number, toLine: number): Promise<readonly StagedImportRow[]>
  /** Marks the upload's rows read and staged. */
  markPrepared(jobId: string): Promise<void>
  /** Drops the bytes and any staged rows once the job has ended; the metadata stays. */
  release(jobId: string): Promise<void>
}

export function createImportUploadRepository(
  db: Kysely<Database>,
  cipher: PersonalDataCipher = unencrypted,
): ImportUploadRepository {
  return {
    create: (upload) =>
      translatingErrors(async () => {
        const content = Buffer.from(upload.content.buffer, upload.content.byteOffset, upload.content.byteLength)
        const row = await db
          .insertInto('import_uploads')
          .values({
            job_id: upload.jobId,
            content_type: upload.contentType,
            size_bytes: content.length,
            sha256: createHash('sha256').update(content).digest('hex'),
            content,
          })
          .returning(['job_id', 'content_type', 'size_bytes', 'sha256', 'prepared_at'])
          .executeTakeFirstOrThrow()
        return {
          jobId: row.job_id,
          contentType: row.content_type,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
          hasContent: true,
          preparedAt: row.prepared_at,
        }
      }),
    find: async (jobId) => {
      if (!isUuid(jobId)) return undefined
      const row = await db
        .selectFrom('import_uploads')
        .select(['job_id', 'content_type', 'size_bytes', 'sha256', 'prepared_at'])
        .select(sql<boolean>`content is not null`.as('has_content'))
        .where('job_id', '=', jobId)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        jobId: row.job_id,
        contentType: row.content_type,
        sizeBytes: row.size_bytes,
        sha256: row.sha256,
        hasContent: row.has_content,
        preparedAt: row.prepared_at,
      }
    },
    readContent: async (jobId, offset, length) => {
      if (!isUuid(jobId)) return Buffer.alloc(0)
      const row = await db
        .selectFrom('import_uploads')
        .select(sql<Uint8Array | null>`substring(content from ${offset + 1} for ${length})`.as('part'))
        .where('job_id', '=', jobId)
        .executeTakeFirst()
      const part = row?.part
      return part ? Buffer.from(part.buffer, part.byteOffset, part.byteLength) : Buffer.alloc(0)
    },
    stage: (jobId, rows) =>
      translatingErrors(async () => {
        if (rows.length === 0) return
        await db
          .insertInto('import_job_inputs')
          .values(
            rows.map((row) => ({
              job_id: jobId,
              line: row.line,
              source_line: row.sourceLine,
              record: toJson(sealDocument(row.record, cipher)),
              raw: toJson(sealDocument(row.raw, cipher)),
            })),
          )
          .onConflict((conflict) => conflict.columns(['job_id', 'line']).doNothing())
          .execute()
      }),
    staged: async (jobId, fromLine, toLine) => {
      if (!isUuid(jobId)) return []
      const rows = await db
        .selectFrom('import_job_inputs')
        .select(['line', 'source_line', 'record', 'raw'])
        .where('job_id', '=', jobId)
        .where('line', '>=', fromLine)
        .where('line', '<=', toLine)
        .orderBy('line')
        .execute()
      return rows.map((row) => ({
        line: row.line,
        sourceLine: row.source_line,
        record: openDocument(row.record, cipher) as StagedImportRow['record'],
        raw: openDocument(row.raw, cipher),
      }))
    },
    markPrepared: async (jobId) => {
      await db
        .updateTable('import_uploads')
        .set({ prepared_at: new Date() })
        .where('job_id', '=', jobId)
        .where('prepared_at', 'is', null)
        .execute()
    },
    release: async (jobId) => {
      if (!isUuid(jobId)) return
      await db.deleteFrom('import_job_inputs').where('job_id', '=', jobId).execute()
      await db.updateTable('import_uploads').set({ content: null }).where('job_id', '=', jobId).execute()
    },
  }
}
