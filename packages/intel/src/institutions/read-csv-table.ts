import { CsvError, parse, type Info } from 'csv-parse/sync'
import type { IntelFile, IntelFileIssue } from '../source/intel-source.js'

/** One data row of a CSV file: the line it starts on (1-based) and its cells, read through the header. */
export type CsvTableRow = {
  readonly line: number
  readonly cell: (column: string) => string
  /** 1-based position of a header column, for issues that name the column. */
  readonly columnNumber: (column: string) => number
}

export type CsvTable =
  | { readonly status: 'ok'; readonly columns: readonly string[]; readonly rows: readonly CsvTableRow[] }
  | { readonly status: 'invalid'; readonly issue: IntelFileIssue }

/**
 * Reads a CSV file with a header row. Header names are matched case-insensitively and trimmed; a missing required
 * column, or text that is not CSV (an unclosed quote), is one issue naming the file and line. `isQuoteTolerant`
 * keeps stray quotes inside quoted cells as text (NCES writes `"...?hl="veteran"&..."` in IPEDS URL columns).
 */
export function readCsvTable(file: IntelFile, requiredColumns: readonly string[], isQuoteTolerant = false): CsvTable {
  let records: { record: string[]; info: Info }[]
  try {
    // With `info`, csv-parse returns `{ record, info }` items; its typings only know plain records.
    const parsed: unknown = parse(file.text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: isQuoteTolerant,
      skip_empty_lines: true,
    })
    records = parsed as { record: string[]; info: Info }[]
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = typeof error['lines'] === 'number' ? error['lines'] : undefined
    return invalid(file, line, `is not valid CSV: ${error.message}`)
  }
  const [headerRecord, ...dataRecords] = records
  if (!headerRecord) return invalid(file, 1, 'is empty: expected a header row')
  const columns = headerRecord.record.map((name) => name.trim().toLowerCase())
  const positions = new Map<string, number>()
  columns.forEach((name, position) => {
    if (!positions.has(name)) positions.set(name, position)
  })
  const missing = requiredColumns.filter((column) => !positions.has(column.toLowerCase()))
  if (missing.length > 0) {
    return invalid(file, lineOf(headerRecord), `has no ${missing.join(', ')} column (header: ${columns.join(',')})`)
  }
  const rows = dataRecords.map(({ record, info }): CsvTableRow => {
    const line = lineOf({ record, info })
    return {
      line,
      cell: (column) => {
        const position = positions.get(column.toLowerCase())
        return position === undefined ? '' : (record[position] ?? '').trim()
      },
      columnNumber: (column) => (positions.get(column.toLowerCase()) ?? -1) + 1,
    }
  })
  return { status: 'ok', columns, rows }
}

// csv-parse reports the line where a record ends: step back over the line breaks inside its quoted cells.
function lineOf({ record, info }: { record: readonly string[]; info: Info }): number {
  let breaks = 0
  for (const cell of record) if (cell.includes('\n')) breaks += cell.split('\n').length - 1
  return info.lines - breaks
}

function invalid(file: IntelFile, line: number | undefined, message: string): CsvTable {
  return {
    status: 'invalid',
    issue: line === undefined ? { file: file.name, message } : { file: file.name, line, message },
  }
}
