import type { IntelFile, IntelFileIssue, IntelParseResult, IntelSourceDefinition } from '../source/intel-source.js'
import type { NetworkKind, NetworkRange } from './network-range.js'
import { parseNetworkClassification } from './parse-network-classification.js'
import { parseNetworkLines } from './parse-network-lines.js'

const x4bRaw = 'https://raw.githubusercontent.com/X4BNet/lists_vpn/main'
const x4bLicence = 'MIT (X4BNet/lists_vpn; the licence covers the list data)'

/**
 * Reads the plain-text files of one list (X4BNet's range and ASN files, Tor's exit list) whatever they are called:
 * each line says what it is. A download that is mostly not list lines (an HTML error page) is invalid, so the cache
 * keeps the previous version; a few bad lines are skipped and reported.
 */
function parsePlainLists(files: readonly IntelFile[], kind: NetworkKind, list: string): IntelParseResult {
  const ranges: NetworkRange[] = []
  const skipped: IntelFileIssue[] = []
  for (const file of files) {
    const parsed = parseNetworkLines(file, kind, list)
    if (parsed.skipped.length > Math.max(10, parsed.ranges.length)) {
      return {
        status: 'invalid',
        issues: [
          ...parsed.skipped.slice(0, 5),
          { file: file.name, message: `is not a ${list} list: ${parsed.skipped.length} lines are not networks` },
        ],
      }
    }
    ranges.push(...parsed.ranges)
    skipped.push(...parsed.skipped)
  }
  if (ranges.length === 0) {
    const names = files.map((file) => file.name).join(', ') || 'no file'
    return { status: 'invalid', issues: [{ file: names, message: `has no ${list} entries` }] }
  }
  return { status: 'ok', data: { area: 'network', ranges }, entries: ranges.length, skipped }
}

/** The source definitions of network classification lists (X4BNet VPN and data-centre ranges, the user's classification, Tor exits). */
export const networkSources: readonly IntelSourceDefinition[] = [
  {
    kind: 'x4b-vpn',
    title: 'X4BNet VPN ranges and ASNs (lists_vpn)',
    publisher: 'X4BNet',
    licence: x4bLicence,
    downloads: [
      { name: 'ipv4.txt', url: `${x4bRaw}/output/vpn/ipv4.txt` },
      { name: 'ipv6.txt', url: `${x4bRaw}/output/vpn/ipv6.txt`, isOptional: true },
      { name: 'ASN.txt', url: `${x4bRaw}/input/vpn/ASN.txt`, isOptional: true },
    ],
    importHelp:
      "X4BNet lists_vpn files: output/vpn/ipv4.txt, output/vpn/ipv6.txt (one CIDR a line) and input/vpn/ASN.txt ('AS1234 # operator' lines).",
    isNamedList: false,
    parse: (files) => parsePlainLists(files, 'vpn', 'x4b-vpn'),
  },
  {
    kind: 'x4b-datacenter',
    title: 'X4BNet data-centre and hosting ranges and ASNs (lists_vpn)',
    publisher: 'X4BNet',
    licence: x4bLicence,
    downloads: [
      { name: 'ipv4.txt', url: `${x4bRaw}/output/datacenter/ipv4.txt` },
      { name: 'ASN.txt', url: `${x4bRaw}/input/datacenter/ASN.txt`, isOptional: true },
    ],
    importHelp:
      "X4BNet lists_vpn files: output/datacenter/ipv4.txt (one CIDR a line) and input/datacenter/ASN.txt ('AS1234 # operator' lines).",
    isNamedList: false,
    parse: (files) => parsePlainLists(files, 'hosting', 'x4b-datacenter'),
  },
  {
    kind: 'tor-exits',
    title: 'Tor exit nodes (the Tor Project bulk exit list)',
    publisher: 'The Tor Project',
    licence: 'Public data published by the Tor Project for exit-node lookups (Tor Metrics data is CC0 1.0)',
    downloads: [{ name: 'torbulkexitlist', url: 'https://check.torproject.org/torbulkexitlist' }],
    importHelp:
      "A Tor exit list: one IP address a line (check.torproject.org/torbulkexitlist, or a saved .lst), or Tor's exit-addresses records.",
    isNamedList: false,
    parse: (files) => parsePlainLists(files, 'tor-exit', 'tor-exits'),
  },
  {
    kind: 'network-classification',
    title: "The organisation's own network classification (VPN, hosting, proxy and Tor networks by ASN or range)",
    publisher: 'Your organisation',
    licence: 'Your own data',
    downloads: [],
    importHelp:
      'CSV with the header network,kind,name,note: network is AS1234, a CIDR or an IP; kind is vpn, hosting, proxy or tor-exit. ipcat datacenters.csv is read too.',
    isNamedList: true,
    parse: (files) => parseNetworkClassification(files, 'network-classification'),
  },
]
