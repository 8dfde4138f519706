import { assertNever } from '../../assert-never.js'
import { csvRows } from './csv-rows.js'
import {
  formatFromExtension,
  isEnoughToSniff,
  sniffFormat,
  type FileFormat,
  type InputFormat,
} from './detect-input-format.js'
import type { InputRow } from './input-row.js'
import { jsonDocumentRows } from './json-document-rows.js'
import { jsonlRows } from './jsonl-rows.js'
import { readStreamHead } from './stream-head.js'

export type ReadRowsOptions = {
  /** The name rows carry in `file` (and plain JSON Resume documents in their id, `<file>#<line>`). */
  readonly file: string
  /** Default `auto`: by the file name's extension (`.jsonl`/`.ndjson`, `.json`, `.csv`), else sniffed. */
  readonly format?: InputFormat
  /** ISO time the input was received; dates plain JSON Resume documents without `meta.lastModified`. */
  readonly receivedAt: string
}

/**
 * The applications in one input's bytes (JSONL, JSON, CSV; canonical records, JSON Resume, Greenhouse, Lever and Ashby
 * payloads) as rows in input order, each valid with its record or invalid with its issues; a bad row never stops the
 * others. JSONL and CSV stream; a JSON document is read whole. No I/O of its own: the caller reads a file, a request
 * body or a database column and hands over the chunks. The same bytes and options always give the same rows.
 */
export async function* readRows(chunks: AsyncIterable<Buffer>, options: ReadRowsOptions): AsyncGenerator<InputRow> {
  const requested = options.format ?? 'auto'
  const byName = requested === 'auto' ? formatFromExtension(options.file) : requested
  const { format, content } = byName ? { format: byName, content: chunks } : await sniff(chunks)
  yield* rowsOf(format, content, options.file, options.receivedAt)
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
