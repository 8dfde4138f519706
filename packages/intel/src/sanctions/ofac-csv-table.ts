import type { IntelFile, IntelFileIssue } from '../source/intel-source.js'
import { readCsv, type CsvRecord } from '../csv/read-csv.js'

/** The outcome of reading one OFAC CSV file: how many rows it handed over, or why the file is not usable. */
export type OfacCsvTable =
  | { readonly status: 'ok'; readonly rows: number }
  | { readonly status: 'invalid'; readonly issues: readonly IntelFileIssue[] }

/** Where the rows go: the good ones to `onRow`, the odd ones (another column count...) to `onSkip` with the reason. */
export type OfacCsvTableHandlers = {
  readonly onRow: (row: CsvRecord) => void
  readonly onSkip: (issue: IntelFileIssue) => void
}

// OFAC ends its legacy files with a DOS end-of-file character (Ctrl-Z) on a line of its own.
const endOfFileMarker = '\u001a'

/**
 * Reads one of OFAC's header-less CSV files (sdn.csv, alt.csv, add.csv, sdn_comments.csv and the consolidated list's
 * twins), hands each row with the expected columns and an integer `ent_num` to `onRow`, in file order, and checks the file is what
 * its name says. An empty file, an HTML error page, a different file under this name or a file cut short is
 * `invalid` (rows already handed over are then to be discarded); a few odd rows are skipped with the reason. A header
 * row, which some mirrors add, is dropped.
 */
export function readOfacCsvTable(
  file: IntelFile,
  columns: readonly string[],
  { onRow, onSkip }: OfacCsvTableHandlers,
): OfacCsvTable {
  const invalid = (message: string, line?: number): OfacCsvTable => ({
    status: 'invalid',
    issues: [line === undefined ? { file: file.name, message } : { file: file.name, line, message }],
  })
  const start = file.text.slice(0, 100).trimStart()
  if (start === '' || start === endOfFileMarker) return invalid('the file is empty')
  if (start.startsWith('<')) return invalid('the file is an HTML or XML page, not one of OFAC’s CSV files')
  let rows = 0
  let skipped = 0
  let firstSkipped: number | undefined
  let last: CsvRecord | undefined
  const read = readCsv(
    file.text,
    (record) => {
      if (isEndOfFileMarker(record) || (last === undefined && isHeader(record, columns))) return
      last = record
      if (record.fields.length === columns.length && /^\s*\d+\s*$/.test(record.fields[0] ?? '')) {
        rows++
        onRow(record)
      } else {
        skipped++
        firstSkipped ??= record.line
        onSkip({ file: file.name, line: record.line, message: `${rowProblem(record, columns)}; row skipped` })
      }
    },
    // OFAC's cells have stray quotes now and then: reading on beats rejecting the whole list.
    { quotes: 'join' },
  )
  if (read.status === 'invalid') return invalid(read.message, read.line)
  const expected = `${columns.length} columns (${columns.join(', ')})`
  if (rows === 0) return invalid(`no row has the ${expected}`, firstSkipped)
  if (last && last.fields.length < columns.length) {
    return invalid(`the last row is incomplete, so the file looks cut short: ${rowProblem(last, columns)}`, last.line)
  }
  // More odd rows than good ones: the wrong file under this name, not a few bad rows.
  if (skipped > rows) return invalid(`most rows do not have the ${expected}`, firstSkipped)
  return { status: 'ok', rows }
}

function isEndOfFileMarker(record: CsvRecord): boolean {
  return record.fields.length === 1 && record.fields[0]?.trim() === endOfFileMarker
}

function isHeader(record: CsvRecord, columns: readonly string[]): boolean {
  return record.fields[0]?.trim().toLowerCase() === columns[0]
}

function rowProblem(record: CsvRecord, columns: readonly string[]): string {
  if (record.fields.length !== columns.length) {
    return `expected ${columns.length} columns (${columns.join(', ')}), found ${record.fields.length}`
  }
  return `${columns[0]} must be a whole number, found "${record.fields[0] ?? ''}"`
}
