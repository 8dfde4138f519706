import { assertNever } from '@hirewall/core'
import { csvRows } from './csv-rows.js'
import {
  formatFromExtension,
  isEnoughToSniff,
  sniffFormat,
  type FileFormat,
  type InputFormat,
} from './detect-input-format.js'
import type { InputRow } from './input-row.js'
import { openInputSources, readChunks } from './input-source.js'
import { jsonDocumentRows } from './json-document-rows.js'
import { jsonlRows } from './jsonl-rows.js'
import { readStreamHead } from './stream-head.js'

export { inputFormats, type InputFormat } from './detect-input-format.js'
export type { InputRow } from './input-row.js'

export type ReadOptions = {
  /** Default `auto`: by extension (`.jsonl`/`.ndjson`, `.json`, `.csv`), else sniffed from the first non-blank byte. */
  readonly format?: InputFormat
  /** Read for the path `-` (default: the process's stdin). */
  readonly stdin?: NodeJS.ReadableStream
  /** ISO time the input was read; dates plain JSON Resume documents without `meta.lastModified` (default: now). */
  readonly receivedAt?: string
  /** Bytes read so far over all inputs, and their total size when every input is a regular file. */
  readonly onProgress?: (bytesRead: number, totalBytes: number | undefined) => void
}

/**
 * Reads application files (JSONL, JSON, CSV; canonical records, JSON Resume, Greenhouse, Lever and Ashby payloads) as
 * rows in input order, each valid with its record or invalid with its issues; a bad row never stops the others.
 * JSONL and CSV stream. Every path is checked before the first row: a missing or unreadable file throws an Error
 * naming it, and so does a read failure later on.
 */
export async function* readApplications(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputRow> {
  const sources = await openInputSources(paths)
  const receivedAt = options.receivedAt ?? new Date().toISOString()
  const sizes = sources.map((source) => source.size)
  const totalBytes = sizes.every((size) => size !== undefined) ? sizes.reduce((sum, size) => sum + size, 0) : undefined
  let bytesBefore = 0
  for (const source of sources) {
    let bytesInFile = 0
    const chunks = readChunks(source, options.stdin, (bytesRead) => {
      bytesInFile = bytesRead
      options.onProgress?.(bytesBefore + bytesRead, totalBytes)
    })
    const requested = options.format ?? 'auto'
    const byName = requested === 'auto' ? formatFromExtension(source.path) : requested
    const { format, content } = byName ? { format: byName, content: chunks } : await sniff(chunks)
    yield* rowsOf(format, content, source.name, receivedAt)
    bytesBefore += bytesInFile
  }
}

async function sniff(chunks: AsyncIterable<Buffer>): Promise<{ format: FileFormat; content: AsyncIterable<Buffer> }> {
  const { head, chunks: content } = await readStreamHead(chunks, isEnoughToSniff)
  return { format: sniffFormat(head), content }
}

function rowsOf(
  format: FileFormat,
  content: AsyncIterable<Buffer>,
  file: string,
  receivedAt: string,
): AsyncGenerator<InputRow> {
  switch (format) {
    case 'jsonl':
      return jsonlRows(content, file, receivedAt)
    case 'json':
      return jsonDocumentRows(content, file, receivedAt)
    case 'csv':
      return csvRows(content, file)
    default:
      return assertNever(format)
  }
}
