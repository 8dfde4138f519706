import { readCsv, type CsvRecord } from '../csv/read-csv.js'
import type { IntelFile, IntelFileIssue, IntelParseResult } from '../source/intel-source.js'
import { ipBlockBetween, ipBlockToCidrs, parseIpBlock } from './ip-block.js'
import { networkKinds, type NetworkKind, type NetworkRange } from './network-range.js'

/** The columns of a network classification file; `network` and `kind` are required. */
export const networkClassificationColumns = ['network', 'kind', 'name', 'note'] as const

/** Words users write for a kind, beyond the kinds themselves. */
const kindAliases: Readonly<Record<string, NetworkKind>> = {
  datacenter: 'hosting',
  'data-center': 'hosting',
  datacentre: 'hosting',
  'data-centre': 'hosting',
  cloud: 'hosting',
  tor: 'tor-exit',
}

const asnPattern = /^AS(\d{1,10})$/i
const versionPattern = /^#\s*(?:version|date|updated)\s*:\s*(\S+)/i

/**
 * Reads a network classification: CSV with the header `network,kind,name,note`, one network a row, where network is
 * `AS1234`, a CIDR (`203.0.113.0/24`, `2001:db8::/32`) or a single address, and kind is vpn, hosting, proxy or
 * tor-exit (datacenter, cloud and tor are read as hosting and tor-exit). Lines starting with `#` are comments; a
 * `# version: 2026-11-23` comment gives the list's version. Bad rows are skipped and reported with file, line and
 * column; a file without the required columns, or without one valid row, is invalid.
 *
 * ipcat's `datacenters.csv` (`first,last,name,url`, no header) is read too: each range becomes hosting CIDRs.
 */
export function parseNetworkClassification(files: readonly IntelFile[], list: string): IntelParseResult {
  const ranges: NetworkRange[] = []
  const skipped: IntelFileIssue[] = []
  const issues: IntelFileIssue[] = []
  const seen = new Set<string>()
  let version: string | undefined
  const add = (range: NetworkRange): void => {
    const key = `${range.kind} ${range.cidr ?? `AS${range.asn}`}`
    if (seen.has(key)) return
    seen.add(key)
    ranges.push(range)
  }
  for (const file of files) {
    const records: CsvRecord[] = []
    const read = readCsv(file.text, (record) => records.push(record), {
      quotes: 'join',
      onComment: (comment) => {
        version ??= versionPattern.exec(comment)?.[1]
      },
    })
    if (read.status === 'invalid') {
      issues.push({ file: file.name, line: read.line, message: read.message })
      continue
    }
    const [header, ...rows] = records
    if (!header) {
      issues.push({ file: file.name, message: 'is empty: expected the header network,kind,name,note' })
      continue
    }
    if (isIpcatRow(header)) {
      for (const record of records) readIpcatRow(file, record, list, add, skipped)
      continue
    }
    const columns = header.fields.map((field) => field.trim().toLowerCase())
    const missing = ['network', 'kind'].filter((column) => !columns.includes(column))
    if (missing.length > 0) {
      issues.push({
        file: file.name,
        line: header.line,
        message: `has no ${missing.join(' or ')} column: expected the header network,kind,name,note (got ${columns.join(',')})`,
      })
      continue
    }
    for (const row of rows) readRow(file, row, columns, list, add, skipped)
  }
  if (issues.length > 0) return { status: 'invalid', issues }
  if (ranges.length === 0) {
    const names = files.map((file) => file.name).join(', ') || 'no file'
    return { status: 'invalid', issues: [...skipped, { file: names, message: 'has no valid network row' }] }
  }
  return {
    status: 'ok',
    data: { area: 'network', ranges },
    entries: ranges.length,
    ...(version ? { version } : {}),
    skipped,
  }
}

function readRow(
  file: IntelFile,
  row: CsvRecord,
  columns: readonly string[],
  list: string,
  add: (range: NetworkRange) => void,
  skipped: IntelFileIssue[],
): void {
  const cell = (column: string): string => (row.fields[columns.indexOf(column)] ?? '').trim()
  const issue = (column: string, message: string): void => {
    skipped.push({ file: file.name, line: row.line, column: columns.indexOf(column) + 1, field: column, message })
  }
  const network = cell('network')
  const kindText = cell('kind').toLowerCase()
  const kind = (networkKinds as readonly string[]).includes(kindText)
    ? (kindText as NetworkKind)
    : kindAliases[kindText]
  if (!kind) {
    issue('kind', `"${cell('kind')}" is not a network kind (${networkKinds.join(', ')})`)
    return
  }
  const name = columns.includes('name') ? cell('name') : ''
  const named = name ? { name } : {}
  const asn = asnPattern.exec(network)
  if (asn) {
    const number = Number(asn[1])
    if (number > 0xffffffff) issue('network', `${network} is not an AS number`)
    else add({ kind, asn: number, ...named, list })
    return
  }
  if (network === '') issue('network', 'is empty: expected AS1234, a CIDR or an IP address')
  else if (!parseIpBlock(network)) issue('network', `"${network}" is not an AS number, CIDR or IP address`)
  else add({ kind, cidr: network, ...named, list })
}

function isIpcatRow(record: CsvRecord): boolean {
  const [first, last] = record.fields
  return record.fields.length >= 3 && ipBlockBetween(first?.trim() ?? '', last?.trim() ?? '') !== undefined
}

function readIpcatRow(
  file: IntelFile,
  record: CsvRecord,
  list: string,
  add: (range: NetworkRange) => void,
  skipped: IntelFileIssue[],
): void {
  const [first = '', last = '', name = ''] = record.fields.map((field) => field.trim())
  const block = ipBlockBetween(first, last)
  if (!block) {
    skipped.push({
      file: file.name,
      line: record.line,
      column: 1,
      message: `"${first}" to "${last}" is not an IP range`,
    })
    return
  }
  for (const cidr of ipBlockToCidrs(block))
    add(name ? { kind: 'hosting', cidr, name, list } : { kind: 'hosting', cidr, list })
}
