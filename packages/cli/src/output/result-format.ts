import { assertNever } from '@hirewall/core'
import type { ScreenedRow } from '../screening/screened-row.js'

export const resultFormats = ['jsonl', 'csv', 'table'] as const
export type ResultFormat = (typeof resultFormats)[number]

const csvColumns = [
  'file',
  'line',
  'status',
  'application_id',
  'score',
  'outcome',
  'cluster_id',
  'signals',
  'top_signal_message',
  'policy_version',
  'issues',
] as const

/** The text written before the first row (a CSV header, a table header). */
export function formatHeader(format: ResultFormat): string {
  switch (format) {
    case 'jsonl':
      return ''
    case 'csv':
      return `${csvColumns.join(',')}\n`
    case 'table':
      return `${'APPLICATION'.padEnd(28)} ${'SCORE'.padStart(5)}  ${'OUTCOME'.padEnd(8)} SIGNALS\n`
    default:
      return assertNever(format)
  }
}

/** One input row's result in the chosen format, newline included. */
export function formatRow(row: ScreenedRow, format: ResultFormat): string {
  switch (format) {
    case 'jsonl':
      return `${JSON.stringify(row)}\n`
    case 'csv':
      return `${csvRow(row).map(csvCell).join(',')}\n`
    case 'table':
      return tableRow(row)
    default:
      return assertNever(format)
  }
}

function csvRow(row: ScreenedRow): readonly (string | number)[] {
  if (row.status === 'invalid') {
    const issues = row.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
    return [row.file, row.line, row.status, '', '', '', '', '', '', '', issues]
  }
  const { result } = row
  return [
    row.file,
    row.line,
    row.status,
    result.applicationId,
    result.score,
    result.outcome,
    result.clusterId ?? '',
    result.signals.map((signal) => `${signal.code}(${signal.contribution})`).join(' '),
    result.signals[0]?.message ?? '',
    result.policyVersion,
    '',
  ]
}

// Quote per RFC 4180, and defuse spreadsheet formulas: a cell starting with = + - @ is prefixed with '.
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

function tableRow(row: ScreenedRow): string {
  if (row.status === 'invalid') {
    const first = row.issues[0]
    const more = row.issues.length > 1 ? ` (+${row.issues.length - 1} more)` : ''
    return `${`${row.file}:${row.line}`.padEnd(28)} ${'-'.padStart(5)}  ${'invalid'.padEnd(8)} ${first ? `${first.path}: ${first.message}` : ''}${more}\n`
  }
  const { result } = row
  const signals = result.signals
    .filter((signal) => signal.contribution > 0)
    .map((signal) => signal.code)
    .join(', ')
  return `${truncate(result.applicationId, 28).padEnd(28)} ${result.score.toFixed(0).padStart(5)}  ${result.outcome.padEnd(8)} ${signals}\n`
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
