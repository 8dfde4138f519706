import type { ValidationIssue } from '@hirewall/core'
import { osqueryTables, type EndpointObservationRecord, type OsqueryTable } from '../records/workforce-record.js'
import { invalidRow, notAnObject, skippedRow, type ImportedRow } from './import-row.js'
import { jsonRows } from './json-rows.js'

// A query name that says which table it reads ("pack_hirewall_usb_devices", "programs"); the first word that fits.
const tableWords: readonly (readonly [RegExp, OsqueryTable])[] = [
  [/usb/, 'usb_devices'],
  [/interface/, 'interface_addresses'],
  [/process/, 'processes'],
  [/program|apps?\b|software/, 'programs'],
]

// Decorations that name the host (hostname, host_uuid, hardware_serial...); others (os_version) are shared by many.
const identifyingDecoration = /host|serial|uuid|computer|device/i

/** Columns that only one of the tables has, for queries named after something else. */
function tableOfColumns(columns: Readonly<Record<string, string>>): OsqueryTable | undefined {
  if ('vendor_id' in columns && 'model_id' in columns) return 'usb_devices'
  if ('interface' in columns && 'address' in columns) return 'interface_addresses'
  if ('pid' in columns) return 'processes'
  if ('install_location' in columns || 'publisher' in columns || 'install_date' in columns) return 'programs'
  return undefined
}

function tableOf(queryName: string, sample: Readonly<Record<string, string>> | undefined): OsqueryTable | undefined {
  const name = queryName.toLowerCase()
  if ((osqueryTables as readonly string[]).includes(name)) return name as OsqueryTable
  for (const [pattern, table] of tableWords) if (pattern.test(name)) return table
  return sample === undefined ? undefined : tableOfColumns(sample)
}

/**
 * osquery's results log as the filesystem logger (and the TLS, Kafka or Kinesis loggers) writes it, one JSON object per
 * line: differential results one row per line (`columns` with `action` "added" / "removed"), the batch form
 * (`diffResults: { added, removed }`), and snapshots (`snapshot: [...]`, `action` "snapshot"). Only the `programs`,
 * `processes`, `usb_devices` and `interface_addresses` tables are read: the table is named by the query (its name
 * containing the table's) or recognised by its columns; results of other queries are skipped rows.
 */
export function importOsqueryLog(text: string): ImportedRow<EndpointObservationRecord>[] {
  const out: ImportedRow<EndpointObservationRecord>[] = []
  for (const row of jsonRows(text)) {
    if ('status' in row) out.push(row)
    else out.push(...importOsqueryResult(row.value, row.line, row.pathPrefix))
  }
  return out
}

const maxUnixSeconds = 8.64e12

/** One osquery result object: usually one row, two for the batch form that has both added and removed rows. */
export function importOsqueryResult(
  value: unknown,
  line: number,
  pathPrefix = '',
): ImportedRow<EndpointObservationRecord>[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [notAnObject(line, pathPrefix)]
  const result = value as Record<string, unknown>
  const issues: ValidationIssue[] = []
  const add = (path: string, message: string): void => {
    issues.push({ path: `${pathPrefix}${path}`, message })
  }
  const hostIdentifier = typeof result['hostIdentifier'] === 'string' ? result['hostIdentifier'].trim() : ''
  if (hostIdentifier === '') add('hostIdentifier', 'is required: the host the result comes from')
  const queryName = typeof result['name'] === 'string' ? result['name'] : ''
  if (queryName === '') add('name', 'is required: the name of the query')
  // A number or numeric text only: Number() of a nested array recurses as deep as it is nested.
  const unixValue = result['unixTime']
  const unixTime =
    typeof unixValue === 'number' ? unixValue : typeof unixValue === 'string' ? Number(unixValue) : Number.NaN
  if (!Number.isFinite(unixTime) || unixTime <= 0)
    add('unixTime', 'is required: when the query ran, in seconds since 1970')
  // Past the last instant a Date can hold, the time could not be written (toISOString throws).
  else if (unixTime > maxUnixSeconds) add('unixTime', 'is after the year 275760: not a time osquery writes')
  const aliases: string[] = []
  const decorations = result['decorations']
  if (typeof decorations === 'object' && decorations !== null)
    for (const [key, alias] of Object.entries(decorations))
      if (identifyingDecoration.test(key) && typeof alias === 'string' && alias.trim()) aliases.push(alias.trim())

  const sets: { action: EndpointObservationRecord['action']; rows: unknown; path: string }[] = []
  if ('snapshot' in result) sets.push({ action: 'snapshot', rows: result['snapshot'], path: 'snapshot' })
  else if ('diffResults' in result) {
    const diff = result['diffResults']
    if (typeof diff !== 'object' || diff === null) add('diffResults', 'must be an object with added and removed rows')
    else {
      const parts = diff as Record<string, unknown>
      if (parts['added'] !== undefined) sets.push({ action: 'added', rows: parts['added'], path: 'diffResults.added' })
      if (parts['removed'] !== undefined)
        sets.push({ action: 'removed', rows: parts['removed'], path: 'diffResults.removed' })
    }
  } else if ('columns' in result) {
    const action = result['action']
    if (action !== 'added' && action !== 'removed') add('action', 'must be "added" or "removed" for a differential row')
    else sets.push({ action, rows: [result['columns']], path: 'columns' })
  } else add('columns', 'is required: a result has columns (differential), diffResults (batch) or snapshot')

  const readSets = sets.map(({ action, rows, path }) => {
    if (!Array.isArray(rows)) {
      add(path, 'must be an array of rows')
      return { action, rows: [] }
    }
    const readRows = rows.map((row, index) => {
      const rowPath = path === 'columns' ? path : `${path}[${index}]`
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        add(rowPath, 'must be an object of column values')
        return {}
      }
      const columns: Record<string, string> = {}
      for (const [column, cell] of Object.entries(row as Record<string, unknown>)) {
        // osquery logs every value as a string unless `numerics` is on: keep the text either way.
        if (typeof cell === 'string') columns[column] = cell
        else if (typeof cell === 'number' || typeof cell === 'boolean') columns[column] = String(cell)
      }
      return columns
    })
    return { action, rows: readRows }
  })
  if (issues.length > 0) return [invalidRow(line, issues)]
  const table = tableOf(queryName, readSets.find((set) => set.rows.length > 0)?.rows[0])
  if (table === undefined)
    return [skippedRow(line, `query "${queryName}" reads none of the tables watched (${osqueryTables.join(', ')})`)]
  const observedAtMs = unixTime * 1000
  return readSets.map(({ action, rows }) => ({
    line,
    status: 'ok',
    record: {
      kind: 'endpoint-observation',
      hostIdentifier,
      hostAliases: aliases,
      queryName,
      table,
      action,
      observedAt: new Date(observedAtMs).toISOString(),
      observedAtMs,
      rows,
    },
  }))
}
