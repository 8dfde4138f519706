import { readRows, type FileFormat, type InputRow } from '@hirewall/core'
import { createRepositories, StoreError, type ImportRowResult, type StagedImportRow } from '@hirewall/store'
import { findUnstorableText, storableText, unstorableTextMessage } from '../../screening/find-unstorable-text.js'
import { derivedUuid } from '../derived-uuid.js'
import { importQueues, type ImportBatchData } from './import-queues.js'
import { hasEnded, type ImportWorkerContext } from './import-worker-context.js'
import { settle } from './settle-import.js'
import { uploadChunks } from './upload-chunks.js'

/** What reading an upload did. */
export type PreparedImport =
  | { readonly status: 'prepared'; readonly rows: number; readonly batches: number }
  | { readonly status: 'skipped'; readonly reason: string }

const fileFormats: readonly string[] = ['csv', 'jsonl', 'json']

/**
 * Reads an upload once, from the database: invalid rows are recorded with their issues, valid rows are staged for
 * screening, and then, in one transaction, the job learns its row count and the batches are queued (a crash before
 * it leaves nothing queued, and the retried attempt reads the upload again, skipping what was recorded and staged).
 * A row is numbered by its position among the rows read, which the same bytes always give again.
 */
export async function prepareImport(context: ImportWorkerContext, importId: string): Promise<PreparedImport> {
  const { store } = context
  const job = await store.importJobs.find(importId)
  if (job === undefined) return { status: 'skipped', reason: 'no such import' }
  if (hasEnded(job.status)) return { status: 'skipped', reason: `the import is ${job.status}` }
  const upload = await store.importUploads.find(importId)
  if (upload !== undefined && upload.preparedAt !== null) {
    await store.importJobs.completeIfDone(importId)
    return { status: 'skipped', reason: 'already prepared' }
  }
  if (upload === undefined || !upload.hasContent || !fileFormats.includes(job.format)) {
    await store.importJobs.finish(importId, { status: 'failed', error: 'The upload of this import is missing.' })
    return { status: 'skipped', reason: 'no upload' }
  }
  await store.importJobs.start(importId)
  const recorded = await store.importJobs.recordedLines(importId)
  const batchSize = context.batchSize ?? 100
  const chunkRows = context.stageChunkRows ?? 500
  const batches: ImportBatchData[] = []
  let staged: StagedImportRow[] = []
  let invalid: ImportRowResult[] = []
  let line = 0
  let firstOfBatch = 1
  let validInBatch = 0

  const flush = async (): Promise<boolean> => {
    const toRecord = [...invalid, ...(await stageRows(context, importId, staged))]
    if (toRecord.length > 0) await store.importJobs.recordRows(importId, toRecord)
    staged = []
    invalid = []
    const current = await store.importJobs.find(importId)
    return current !== undefined && !hasEnded(current.status)
  }

  const rows = readRows(uploadChunks(store, importId), {
    // A plain JSON Resume document has no id of its own: `<file>#<line>` with the file named by its content, so the
    // same bytes uploaded again give the same ids and nothing new is created.
    file: `upload-${upload.sha256.slice(0, 16)}`,
    format: job.format as FileFormat,
    receivedAt: job.createdAt.toISOString(),
  })
  for await (const row of rows) {
    line += 1
    const result = checkStorable(row)
    if (result.status === 'valid') {
      if (!recorded.has(line)) staged.push({ line, sourceLine: row.line, record: result.record, raw: result.raw })
      validInBatch += 1
      if (validInBatch === batchSize) {
        batches.push({ importId, fromLine: firstOfBatch, toLine: line })
        firstOfBatch = line + 1
        validInBatch = 0
      }
    } else if (!recorded.has(line)) {
      invalid.push({ line, sourceLine: row.line, status: 'invalid', issues: result.issues })
    }
    if (staged.length + invalid.length >= chunkRows && !(await flush())) {
      return { status: 'skipped', reason: 'the import ended while it was read' }
    }
  }
  if (validInBatch > 0) batches.push({ importId, fromLine: firstOfBatch, toLine: line })
  if (!(await flush())) return { status: 'skipped', reason: 'the import ended while it was read' }

  const prepared = await store.db.transaction().execute(async (transaction) => {
    const repositories = createRepositories(transaction, store.cipher)
    const started = await repositories.importJobs.start(importId, line)
    if (started.status !== 'running') return started
    await repositories.importUploads.markPrepared(importId)
    await context.queue.sendMany(
      importQueues.batch,
      batches.map((batch, index) => ({ data: batch, id: derivedUuid(importId, 'batch', index) })),
      { transaction },
    )
    return settle(repositories, importId)
  })
  if (hasEnded(prepared.status) && prepared.status !== 'completed') {
    return { status: 'skipped', reason: `the import is ${prepared.status}` }
  }
  return { status: 'prepared', rows: line, batches: batches.length }
}

type CheckedRow =
  | { readonly status: 'valid'; readonly record: StagedImportRow['record']; readonly raw: unknown }
  | { readonly status: 'invalid'; readonly issues: readonly { readonly path: string; readonly message: string }[] }

// Text PostgreSQL cannot store (U+0000, a lone surrogate) makes a row invalid here rather than failing its chunk.
function checkStorable(row: InputRow): CheckedRow {
  // An issue may quote what made the row invalid (an unknown key with U+0000 in its path): stored, it must be storable.
  if (row.status === 'invalid') {
    return {
      status: 'invalid',
      issues: row.issues.map((issue) => ({
        ...issue,
        path: storableText(issue.path),
        message: storableText(issue.message),
      })),
    }
  }
  const where = findUnstorableText(row.record, []) ?? findUnstorableText(row.raw, ['(raw)'])
  if (where !== undefined) {
    return {
      status: 'invalid',
      issues: [{ path: where === '' ? '(record)' : where, message: unstorableTextMessage }],
    }
  }
  return { status: 'valid', record: row.record, raw: row.raw }
}

/**
 * Stages rows in one statement; when the database refuses the chunk (a value jsonb cannot hold), each row is staged
 * alone and those it refuses come back as invalid rows naming the reason.
 */
async function stageRows(
  context: ImportWorkerContext,
  importId: string,
  rows: readonly StagedImportRow[],
): Promise<readonly ImportRowResult[]> {
  try {
    await context.store.importUploads.stage(importId, rows)
    return []
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'invalid-value') throw error
  }
  const refused: ImportRowResult[] = []
  for (const row of rows) {
    try {
      await context.store.importUploads.stage(importId, [row])
    } catch (error) {
      if (!(error instanceof StoreError) || error.code !== 'invalid-value') throw error
      refused.push({
        line: row.line,
        sourceLine: row.sourceLine,
        status: 'invalid',
        issues: [{ path: '(record)', message: 'holds a value the database cannot store' }],
      })
    }
  }
  return refused
}
