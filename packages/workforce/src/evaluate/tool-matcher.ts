import type { OsqueryTable } from '../records/workforce-record.js'
import { normaliseUsbId, type CatalogueEntry, type RemoteAccessCatalogue } from '../lists/remote-access-catalogue.js'

/** One catalogue entry found in one osquery row: the entry, what the row showed, and the row's identity. */
export type ToolMatchResult = {
  readonly entry: CatalogueEntry
  /** What was seen, for evidence: the program name, the process path, `1d6b:0104 PiKVM PiKVM Composite Device`. */
  readonly seenAs: string
  /** The row's identity within its table, to follow it through removals and snapshots. */
  readonly rowKey: string
}

export type ToolMatcher = (table: OsqueryTable, row: Readonly<Record<string, string>>) => readonly ToolMatchResult[]

function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path
  return name.toLowerCase().replace(/\.exe$/, '')
}

/**
 * Matches osquery rows against the catalogue: `programs` by name, `processes` by executable file name, `usb_devices`
 * by vendor:product id and by vendor/model name, `interface_addresses` by interface or friendly name. Tools the
 * organisation allows (by catalogue name, any case) are left out.
 */
export function createToolMatcher(catalogue: RemoteAccessCatalogue, allowedTools: readonly string[] = []): ToolMatcher {
  const allowed = new Set(allowedTools.map((name) => name.trim().toLowerCase()))
  const entries = catalogue.entries.filter((entry) => !allowed.has(entry.name.toLowerCase()))
  const of = (match: CatalogueEntry['match']): CatalogueEntry[] => entries.filter((entry) => entry.match === match)
  const programs = of('program')
  const processes = new Map<string, CatalogueEntry[]>()
  for (const entry of of('process')) processes.set(entry.pattern, [...(processes.get(entry.pattern) ?? []), entry])
  const usbIds = new Map<string, CatalogueEntry[]>()
  for (const entry of of('usb-id')) usbIds.set(entry.pattern, [...(usbIds.get(entry.pattern) ?? []), entry])
  const usbNames = of('usb-name')
  const interfaces = of('interface')
  return (table, row) => {
    switch (table) {
      case 'programs': {
        const name = row['name'] ?? ''
        const lower = name.toLowerCase()
        return programs
          .filter((entry) => lower.includes(entry.pattern))
          .map((entry) => ({ entry, seenAs: name, rowKey: `${lower}|${row['version'] ?? ''}` }))
      }
      case 'processes': {
        const path = row['path'] || row['name'] || ''
        const found = processes.get(fileStem(path)) ?? processes.get(fileStem(row['name'] ?? ''))
        return (found ?? []).map((entry) => ({ entry, seenAs: path, rowKey: fileStem(path) }))
      }
      case 'usb_devices': {
        const id = normaliseUsbId(`${row['vendor_id'] ?? ''}:${row['model_id'] ?? ''}`)
        const names = `${row['vendor'] ?? ''} ${row['model'] ?? ''}`.trim()
        const seenAs = `${id ?? '?'} ${names}`.trim()
        const rowKey = `${id ?? ''}|${row['serial'] ?? ''}|${row['usb_address'] ?? ''}|${row['usb_port'] ?? ''}`
        const lower = names.toLowerCase()
        const byId = id === undefined ? [] : (usbIds.get(id) ?? [])
        const byName = usbNames.filter((entry) => lower.includes(entry.pattern))
        return [...byId, ...byName].map((entry) => ({ entry, seenAs, rowKey }))
      }
      case 'interface_addresses': {
        const names = `${row['interface'] ?? ''} ${row['friendly_name'] ?? ''}`.trim()
        const lower = names.toLowerCase()
        return interfaces
          .filter((entry) => lower.includes(entry.pattern))
          .map((entry) => ({ entry, seenAs: names, rowKey: row['interface'] ?? lower }))
      }
    }
  }
}
