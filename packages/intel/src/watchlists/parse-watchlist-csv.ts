import { severities } from '@hirewall/core'
import { readCsv } from '../csv/read-csv.js'
import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import { readEntryIndicator } from './listed-indicator.js'
import {
  readColumnName,
  readKindName,
  watchlistColumns,
  watchlistKindAliases,
  type WatchlistColumn,
} from './watchlist-csv-names.js'
import type { WatchlistEntry } from './watchlist-entry.js'

type Row = { readonly cells: readonly string[]; readonly line: number }

/** Where each column is in a file: its 0-based index and the header as the file writes it. */
type ColumnPlaces = Partial<Record<WatchlistColumn, { readonly index: number; readonly header: string }>>

const kindList = Object.keys(watchlistKindAliases).join(', ')

/**
 * Reads watchlist CSV files (header `kind,value,severity,note`, aliases in `watchlist-csv-names.ts`). Every bad row is
 * skipped and reported with its file, line and column; a row that repeats an indicator already listed (compared as
 * matching compares it) is counted once. A file without the `kind` and `value` columns, or without one valid row,
 * makes the whole import `invalid`: a list that loads empty would silently match nothing.
 */
export function parseWatchlistCsv(files: readonly IntelFile[]): IntelParseResult {
  if (files.length === 0) return { status: 'invalid', issues: [{ file: '', message: 'no watchlist file was given' }] }
  const entries: WatchlistEntry[] = []
  const skipped: IntelFileIssue[] = []
  const fileIssues: IntelFileIssue[] = []
  const firstLineOf = new Map<string, string>()
  for (const file of files) {
    let validRows = 0
    const rows = readRows(file, skipped)
    const header = rows[0]
    if (header === undefined) {
      fileIssues.push({ file: file.name, message: 'is empty: expected a header row kind,value,severity,note' })
      continue
    }
    const places = placeColumns(file.name, header, fileIssues)
    if (places === undefined) continue
    const list = listNameOf(file.name)
    for (const row of rows.slice(1)) {
      if (row.cells.every((cell) => cell.trim() === '')) continue
      const read = readRow(file.name, row, places, list, skipped)
      if (read === undefined) continue
      validRows++
      const duplicateOf = firstLineOf.get(read.key)
      if (duplicateOf !== undefined) {
        const value = places.value
        skipped.push({
          file: file.name,
          line: row.line,
          ...(value === undefined ? {} : { column: value.index + 1, field: value.header }),
          message: `repeats the indicator of ${duplicateOf}: counted once`,
        })
        continue
      }
      firstLineOf.set(read.key, `${file.name} line ${row.line}`)
      entries.push(read.entry)
    }
    if (validRows === 0) {
      fileIssues.push({ file: file.name, message: 'has no valid indicator row' })
    }
  }
  if (fileIssues.length > 0) return { status: 'invalid', issues: [...fileIssues, ...skipped] }
  return { status: 'ok', data: { area: 'watchlist', entries }, entries: entries.length, skipped }
}

// A record that is not CSV is skipped with its line, like any bad row; the rest of the file is still read.
function readRows(file: IntelFile, skipped: IntelFileIssue[]): readonly Row[] {
  const rows: Row[] = []
  readCsv(file.text, ({ line, fields }) => rows.push({ cells: fields, line }), {
    delimiter: 'detect',
    onInvalidRecord: (issue) => skipped.push({ file: file.name, ...issue }),
  })
  return rows
}

function placeColumns(file: string, header: Row, issues: IntelFileIssue[]): ColumnPlaces | undefined {
  const places: ColumnPlaces = {}
  let isValid = true
  header.cells.forEach((cell, index) => {
    const column = readColumnName(cell)
    if (column === undefined) return
    const earlier = places[column]
    if (earlier !== undefined) {
      issues.push({
        file,
        line: header.line,
        column: index + 1,
        field: cell,
        message: `"${cell}" names the ${column} column a second time (column ${earlier.index + 1} is "${earlier.header}")`,
      })
      isValid = false
      return
    }
    places[column] = { index, header: cell }
  })
  for (const required of ['kind', 'value'] as const) {
    if (places[required] !== undefined) continue
    issues.push({
      file,
      line: header.line,
      field: required,
      message: `has no ${required} column: the header must name ${watchlistColumns.join(',')} (severity and note optional)`,
    })
    isValid = false
  }
  return isValid ? places : undefined
}

function readRow(
  file: string,
  row: Row,
  places: ColumnPlaces,
  list: string,
  skipped: IntelFileIssue[],
): { readonly entry: WatchlistEntry; readonly key: string } | undefined {
  const cellOf = (column: WatchlistColumn): string => {
    const place = places[column]
    return place === undefined ? '' : (row.cells[place.index] ?? '').trim()
  }
  const issueAt = (column: WatchlistColumn, message: string): IntelFileIssue => {
    const place = places[column]
    return Object.assign({ file, line: row.line }, place === undefined ? {} : { column: place.index + 1 }, {
      field: place?.header ?? column,
      message,
    })
  }
  const issues: IntelFileIssue[] = []
  const kindText = cellOf('kind')
  const kind = readKindName(kindText)
  if (kind === undefined) {
    issues.push(issueAt('kind', kindText === '' ? 'kind is empty' : `unknown kind "${kindText}": expected ${kindList}`))
  }
  const value = cellOf('value')
  const severityText = cellOf('severity').toLowerCase()
  const severity = severities.find((name) => name === severityText)
  const note = cellOf('note')
  const entry: WatchlistEntry | undefined =
    kind === undefined || value === ''
      ? undefined
      : {
          kind,
          value,
          list,
          ...(severity === undefined ? {} : { severity }),
          ...(note === '' ? {} : { note }),
        }
  const listed = entry === undefined ? undefined : readEntryIndicator(entry)
  if (value === '') issues.push(issueAt('value', 'value is empty'))
  else if (listed?.status === 'invalid') issues.push(issueAt('value', listed.message))
  if (severityText !== '' && severity === undefined) {
    issues.push(issueAt('severity', `unknown severity "${cellOf('severity')}": expected ${severities.join(', ')}`))
  }
  if (issues.length > 0 || entry === undefined || listed?.status !== 'ok') {
    skipped.push(...issues)
    return undefined
  }
  return { entry, key: `${entry.kind}\u0000${listed.key}` }
}

/** `dprk-fronts.csv` → `dprk-fronts`: the entries' list until the loader names it. */
function listNameOf(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')
}
