import {
  importJobStatuses,
  importRowStatuses,
  type ImportJob,
  type ImportUpload,
  type StoredImportRow,
} from '@hirewall/store'
import { z } from 'zod'

const rowCountsSchema = z.object({
  created: z.number().int().describe('New applications, screened.'),
  existing: z.number().int().describe('Applications stored before (same idempotency key): nothing new was created.'),
  invalid: z.number().int().describe('Rows that could not be read as an application; see their issues.'),
  failed: z.number().int().describe('Valid rows the pipeline could not store; see their issues.'),
})

/** A bulk import as the API shows it. */
export const importJobViewSchema = z
  .object({
    id: z.string(),
    status: z.enum(importJobStatuses).describe('`queued`, `running`, then `completed`, `failed` or `cancelled`.'),
    format: z.enum(['csv', 'jsonl', 'json']),
    fileName: z.string().nullable(),
    createdBy: z.string().describe('`user:<id>` or `api-key:<prefix>`.'),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    totalRows: z.number().int().nullable().describe('Rows in the file; null until it has been read.'),
    processedRows: z.number().int().describe('Rows with a result so far: the sum of `rowCounts`.'),
    rowCounts: rowCountsSchema,
    error: z.string().nullable().describe('Why a failed import failed.'),
    upload: z
      .object({
        contentType: z.string(),
        sizeBytes: z.number().int(),
        sha256: z.string().describe('Of the bytes as received (hex).'),
      })
      .optional()
      .describe('The uploaded file; on one import, not in lists.'),
  })
  .meta({ id: 'ImportJob' })

const issueSchema = z.object({
  path: z.string().describe('The field path in the row (`submittedAt`, `header.shoe_size`), or `(row)`, `(line)`...'),
  message: z.string(),
  code: z.string().optional().describe('For failed rows: the pipeline failure code (`conflict`, `invalid`...).'),
})

/** What became of one row of an upload. */
export const importRowViewSchema = z
  .object({
    row: z.number().int().describe('1-based number of the application in the file, in reading order.'),
    line: z
      .number()
      .int()
      .nullable()
      .describe('Where the row starts in the file: its line (CSV, JSONL) or its position in a JSON array.'),
    status: z.enum(importRowStatuses),
    applicationId: z.string().nullable(),
    issues: z.array(issueSchema).nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'ImportRow' })

export type ImportJobView = z.infer<typeof importJobViewSchema>
export type ImportRowView = z.infer<typeof importRowViewSchema>

export function toImportJobView(job: ImportJob, upload?: ImportUpload): ImportJobView {
  return {
    id: job.id,
    status: job.status,
    format: job.format === 'csv' || job.format === 'json' ? job.format : 'jsonl',
    fileName: job.fileName,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    rowCounts: { ...job.rowCounts },
    error: job.error,
    ...(upload === undefined
      ? {}
      : { upload: { contentType: upload.contentType, sizeBytes: upload.sizeBytes, sha256: upload.sha256 } }),
  }
}

export function toImportRowView(row: StoredImportRow): ImportRowView {
  return {
    row: row.line,
    line: row.sourceLine ?? null,
    status: row.status,
    applicationId: row.applicationId ?? null,
    issues: row.issues === undefined ? null : toIssues(row.issues),
    recordedAt: row.recordedAt.toISOString(),
  }
}

// Issues are stored as JSON: validation issues and pipeline failures have this shape; anything else is shown as text.
function toIssues(stored: unknown): z.infer<typeof issueSchema>[] {
  const items = Array.isArray(stored) ? stored : [stored]
  return items.map((item: unknown) => {
    if (typeof item === 'object' && item !== null && 'path' in item && 'message' in item) {
      const { path, message, code } = item as { path: unknown; message: unknown; code?: unknown }
      return {
        path: String(path),
        message: String(message),
        ...(typeof code === 'string' ? { code } : {}),
      }
    }
    return { path: '(row)', message: typeof item === 'string' ? item : JSON.stringify(item) }
  })
}
