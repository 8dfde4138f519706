import { severities } from '@hirewall/core'
import {
  readCsv,
  readListedIndicator,
  watchlistColumnAliases,
  watchlistKindAliases,
  watchlistIndicatorKinds,
} from '@hirewall/intel'
import { readConfidence } from './imported-indicator.js'
import {
  readTlpLevel,
  tlpLevels,
  type SharedIndicator,
  type SharedIndicatorKind,
  type TlpLevel,
} from './shared-indicator.js'

/** The columns of an indicator CSV: a watchlist's four, and what sharing adds. Only `kind` and `value` are required. */
export const indicatorColumns = [
  'kind',
  'value',
  'severity',
  'note',
  'source',
  'tlp',
  'confidence',
  'first_seen',
  'last_seen',
  'attributed_to',
] as const
export type IndicatorColumn = (typeof indicatorColumns)[number]

/** A row that could not be read: its line, the column at fault and why. */
export type IndicatorCsvIssue = { readonly line: number; readonly field?: string; readonly message: string }

export type IndicatorCsvReading = {
  readonly indicators: readonly SharedIndicator[]
  readonly issues: readonly IndicatorCsvIssue[]
}

export type IndicatorCsvDefaults = {
  /** The source of rows without a `source` cell (the file's list name). */
  readonly source: string
  /** The TLP of rows without a `tlp` cell. */
  readonly tlp: TlpLevel
}

const kindsByName = new Map<string, SharedIndicatorKind>()
for (const kind of watchlistIndicatorKinds) {
  for (const name of [kind, ...watchlistKindAliases[kind]]) kindsByName.set(name, kind)
}
const columnsByName = new Map<string, IndicatorColumn>()
for (const column of indicatorColumns) columnsByName.set(column.replace(/_/g, '-'), column)
for (const [column, aliases] of Object.entries(watchlistColumnAliases)) {
  for (const alias of aliases) columnsByName.set(alias, column as IndicatorColumn)
}

const nameOf = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')

/**
 * Reads a watchlist CSV, with the optional sharing columns (source, tlp, confidence, first_seen, last_seen,
 * attributed_to), into indicators to export. A watchlist file reads as it is: its rows take the defaults. Every bad
 * row is skipped with its line and column; the rest are read.
 */
export function readIndicatorCsv(text: string, defaults: IndicatorCsvDefaults): IndicatorCsvReading {
  const rows: { line: number; fields: readonly string[] }[] = []
  const issues: IndicatorCsvIssue[] = []
  readCsv(text, (record) => rows.push(record), {
    delimiter: 'detect',
    onInvalidRecord: (issue) => issues.push({ line: issue.line, message: issue.message }),
  })
  const header = rows[0]
  if (header === undefined) return { indicators: [], issues: [{ line: 1, message: 'the file is empty' }] }
  const places = new Map<IndicatorColumn, number>()
  header.fields.forEach((cell, index) => {
    const column = columnsByName.get(nameOf(cell))
    if (column !== undefined && !places.has(column)) places.set(column, index)
  })
  for (const required of ['kind', 'value'] as const) {
    if (!places.has(required)) {
      return {
        indicators: [],
        issues: [{ line: header.line, field: required, message: `the header has no ${required} column` }],
      }
    }
  }
  const indicators: SharedIndicator[] = []
  for (const row of rows.slice(1)) {
    if (row.fields.every((cell) => cell.trim() === '')) continue
    const cell = (column: IndicatorColumn): string => {
      const index = places.get(column)
      return index === undefined ? '' : (row.fields[index] ?? '').trim()
    }
    const rowIssues: IndicatorCsvIssue[] = []
    const problem = (field: IndicatorColumn, message: string): void => {
      rowIssues.push({ line: row.line, field, message })
    }
    const kind = kindsByName.get(nameOf(cell('kind')))
    if (kind === undefined)
      problem('kind', `unknown kind "${cell('kind')}": expected ${watchlistIndicatorKinds.join(', ')}`)
    const value = cell('value')
    if (kind !== undefined) {
      const listed = readListedIndicator(kind, value)
      if (listed.status === 'invalid') problem('value', listed.message)
    }
    const severity = severities.find((name) => name === cell('severity').toLowerCase())
    if (cell('severity') !== '' && severity === undefined) {
      problem('severity', `unknown severity "${cell('severity')}": expected ${severities.join(', ')}`)
    }
    const tlp = cell('tlp') === '' ? defaults.tlp : readTlpLevel(cell('tlp'))
    if (tlp === undefined) problem('tlp', `unknown TLP "${cell('tlp')}": expected ${tlpLevels.join(', ')}`)
    const confidence = cell('confidence') === '' ? undefined : readConfidence(cell('confidence'))
    if (cell('confidence') !== '' && confidence === undefined) {
      problem('confidence', `"${cell('confidence')}" is not an integer from 0 to 100`)
    }
    const firstSeen = readTime(cell('first_seen'), 'first_seen', problem)
    const lastSeen = readTime(cell('last_seen'), 'last_seen', problem)
    if (firstSeen !== undefined && lastSeen !== undefined && lastSeen < firstSeen) {
      problem('last_seen', 'is before first_seen')
    }
    if (rowIssues.length > 0 || kind === undefined || tlp === undefined) {
      issues.push(...rowIssues)
      continue
    }
    const optional = {
      severity,
      note: cell('note'),
      attributedTo: cell('attributed_to'),
      firstSeen,
      lastSeen,
      confidence,
    }
    indicators.push({
      kind,
      value,
      source: cell('source') === '' ? defaults.source : cell('source'),
      tlp,
      ...Object.fromEntries(Object.entries(optional).filter(([, item]) => item !== undefined && item !== '')),
    })
  }
  return { indicators, issues }
}

// STIX and MISP want UTC timestamps: a date or any ISO 8601 time is written as one.
function readTime(
  text: string,
  column: IndicatorColumn,
  problem: (field: IndicatorColumn, message: string) => void,
): string | undefined {
  if (text === '') return undefined
  const time = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(time)) {
    problem(column, `"${text}" is not an ISO 8601 date or time (2026-01-15 or 2026-01-15T09:30:00Z)`)
    return undefined
  }
  return new Date(time).toISOString()
}
