import { readCsv, type CsvRecord } from '../csv/read-csv.js'
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
 * column, or text that is not CSV (an unclosed quote, a stray quote), is one issue naming the file and line.
 * `isQuoteTolerant` keeps stray quotes inside quoted cells as text (NCES writes `"...?hl="veteran"&..."` in IPEDS URL
 * columns).
 */
export function readCsvTable(file: IntelFile, requiredColumns: readonly string[], isQuoteTolerant = false): CsvTable {
  const records: CsvRecord[] = []
  const read = readCsv(file.text, (record) => records.push(record), { quotes: isQuoteTolerant ? 'relaxed' : 'strict' })
  if (read.status === 'invalid') return invalid(file, read.line, `is not valid CSV: ${read.message}`)
  const [headerRecord, ...dataRecords] = records
  if (!headerRecord) return invalid(file, 1, 'is empty: expected a header row')
  const columns = headerRecord.fields.map((name) => name.trim().toLowerCase())
  const positions = new Map<string, number>()
  columns.forEach((name, position) => {
    if (!positions.has(name)) positions.set(name, position)
  })
  const missing = requiredColumns.filter((column) => !positions.has(column.toLowerCase()))
  if (missing.length > 0) {
    return invalid(file, headerRecord.line, `has no ${missing.join(', ')} column (header: ${columns.join(',')})`)
  }
  const rows = dataRecords.map(({ line, fields }): CsvTableRow => ({
    line,
    cell: (column) => {
      const position = positions.get(column.toLowerCase())
      return position === undefined ? '' : (fields[position] ?? '').trim()
    },
    columnNumber: (column) => (positions.get(column.toLowerCase()) ?? -1) + 1,
  }))
  return { status: 'ok', columns, rows }
}

function invalid(file: IntelFile, line: number, message: string): CsvTable {
  return { status: 'invalid', issue: { file: file.name, line, message } }
}
