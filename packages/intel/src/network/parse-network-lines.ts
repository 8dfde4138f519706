import type { IntelFile, IntelFileIssue } from '../source/intel-source.js'
import { parseIpBlock } from './ip-block.js'
import type { NetworkKind, NetworkRange } from './network-range.js'

/** What one plain-text list file gave: its ranges and the lines it could not read. */
export type NetworkLines = { readonly ranges: readonly NetworkRange[]; readonly skipped: readonly IntelFileIssue[] }

const asnLinePattern = /^AS(\d{1,10})\b\s*(?:#\s*(.*))?$/i
const torExitAddressPattern = /^ExitAddress\s+(\S+)/

/**
 * Reads a plain-text network list, one entry a line, in the shapes the public lists use: a CIDR or a single address
 * (X4BNet's `ipv4.txt`/`ipv6.txt`, the Tor bulk exit list), `AS1234 # operator` (X4BNet's `ASN.txt`; the comment
 * becomes the name), or Tor's `ExitAddress 1.2.3.4 2026-01-01 00:00:00` records (other lines of that format are
 * ignored). Blank lines and `#` comments are skipped; any other line is reported with its line number.
 */
export function parseNetworkLines(file: IntelFile, kind: NetworkKind, list: string): NetworkLines {
  const ranges: NetworkRange[] = []
  const skipped: IntelFileIssue[] = []
  const seen = new Set<string>()
  const lines = file.text.split('\n')
  const isTorRecordFormat = lines.some((line) => torExitAddressPattern.test(line))
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/^\uFEFF/, '').trim()
    if (line === '' || line.startsWith('#')) return
    const lineNumber = index + 1
    const asn = asnLinePattern.exec(line)
    if (asn) {
      const number = Number(asn[1])
      const name = asn[2]?.trim()
      if (number > 0xffffffff)
        skipped.push({ file: file.name, line: lineNumber, message: `${line} is not an AS number` })
      else if (!seen.has(`AS${number}`)) {
        seen.add(`AS${number}`)
        ranges.push(name ? { kind, asn: number, name, list } : { kind, asn: number, list })
      }
      return
    }
    let network = line.split(/[\s#]/)[0] ?? ''
    if (isTorRecordFormat) {
      const exit = torExitAddressPattern.exec(line)
      if (!exit) return
      network = exit[1] ?? ''
    }
    if (!parseIpBlock(network)) {
      skipped.push({
        file: file.name,
        line: lineNumber,
        message: `"${truncate(line)}" is not an IP address, CIDR or AS number`,
      })
      return
    }
    if (seen.has(network)) return
    seen.add(network)
    ranges.push({ kind, cidr: network, list })
  })
  return { ranges, skipped }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
