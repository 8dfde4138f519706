import { Readable } from 'node:stream'
import { CsvError, parse, type Info } from 'csv-parse'
import { readCsvHeader, type CsvHeader } from '../csv-header.js'
import { importCsvRow } from '../csv-row.js'
import { toInputRow, type InputRow } from './input-row.js'

/**
 * CSV, streamed: the first row is the header (its problems come out as one invalid row at the header's line), then
 * one record per row (see docs/csv-columns.md). `line` is where the row starts, even after multi-line cells. A
 * malformed file (an unclosed quote) ends in one invalid row (path `(file)`) at the line where it went wrong.
 */
export async function* csvRows(chunks: AsyncIterable<Buffer>, file: string): AsyncGenerator<InputRow> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true })
  const input = Readable.from(chunks)
  let readFailure: Error | undefined
  input.on('error', (error: Error) => {
    readFailure = error
    parser.destroy(error)
  })
  input.pipe(parser)
  const lines = new CsvLineCounter()
  let header: CsvHeader | undefined
  let names: readonly string[] = []
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = lines.startOf(row.record, row.info.lines)
      if (header === undefined) {
        header = readCsvHeader(row.record)
        names = row.record
        if (header.issues.length > 0) yield { file, line, status: 'invalid', issues: header.issues }
        continue
      }
      yield toInputRow(file, line, importCsvRow(row.record, header), rawCsvRow(names, row.record))
    }
  } catch (error) {
    if (readFailure !== undefined) throw readFailure
    if (!(error instanceof CsvError)) throw error
    const line = typeof error['lines'] === 'number' ? lines.corrected(error['lines']) : 1
    yield { file, line, status: 'invalid', issues: [{ path: '(file)', message: `is not valid CSV: ${error.message}` }] }
  } finally {
    input.destroy()
  }
}

/** A row as `{ header: cell }` (cells under a blank header name are left out), the raw payload of its application. */
function rawCsvRow(names: readonly string[], cells: readonly string[]): Readonly<Record<string, string>> {
  const raw: Record<string, string> = {}
  for (const [index, cell] of cells.entries()) {
    const name = names[index]?.trim()
    if (name !== undefined && name !== '') raw[name] = cell
  }
  return raw
}

/**
 * Where a CSV record starts. csv-parse reports the line where a record ends, counting every CR and LF inside quoted
 * cells as a line of its own, so a CRLF inside a cell counts twice; this corrects for that and steps back over the
 * record's own line breaks (CRLF, LF or CR, as an editor counts them).
 */
export class CsvLineCounter {
  #extraBreaks = 0

  startOf(record: readonly string[], endLine: number): number {
    let breaks = 0
    for (const cell of record) {
      if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue
      breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0
      this.#extraBreaks += cell.match(/\r\n/g)?.length ?? 0
    }
    return endLine - this.#extraBreaks - breaks
  }

  /** A line number csv-parse reported, corrected for the CRLFs inside the cells read so far. */
  corrected(line: number): number {
    return line - this.#extraBreaks
  }
}
