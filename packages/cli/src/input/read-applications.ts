import { readRows, type InputFormat, type InputRow } from '@hirewall/core'
import { openInputSources, readChunks } from './input-source.js'

export { inputFormats, type InputFormat, type InputRow } from '@hirewall/core'

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
 * rows in input order with core's row readers, each valid with its record or invalid with its issues; a bad row never
 * stops the others. JSONL and CSV stream. Every path is checked before the first row: a missing or unreadable file
 * throws an Error naming it, and so does a read failure later on.
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
    // The format comes from the name's extension (the path, or `<stdin>`, which has none and is sniffed).
    yield* readRows(chunks, { file: source.name, receivedAt, ...(options.format ? { format: options.format } : {}) })
    bytesBefore += bytesInFile
  }
}
