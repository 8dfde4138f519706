import ipaddr from 'ipaddr.js'

/** Address blocks that no client on the public internet can have (RFC 6890 special-purpose registries). */
export const nonPublicRanges = [
  'private',
  'loopback',
  'link-local',
  'carrier-grade-nat',
  'unique-local',
  'documentation',
  'benchmarking',
  'multicast',
  'broadcast',
  'unspecified',
  'reserved',
] as const
export type NonPublicRange = (typeof nonPublicRanges)[number]

/** An IP as recorded at submission: not an address, a public unicast address, or one of the non-public blocks. */
export type ParsedIp =
  | { readonly kind: 'invalid'; readonly raw: string }
  | { readonly kind: 'public'; readonly raw: string; readonly address: string; readonly version: 4 | 6 }
  | {
      readonly kind: 'non-public'
      readonly raw: string
      readonly address: string
      readonly version: 4 | 6
      readonly range: NonPublicRange
    }

const documentationBlocks = [
  ipaddr.parseCIDR('192.0.2.0/24'),
  ipaddr.parseCIDR('198.51.100.0/24'),
  ipaddr.parseCIDR('203.0.113.0/24'),
  ipaddr.parseCIDR('2001:db8::/32'),
  ipaddr.parseCIDR('3fff::/20'),
] as const
const benchmarkingBlocks = [ipaddr.parseCIDR('198.18.0.0/15'), ipaddr.parseCIDR('2001:2::/48')] as const
const globalUnicastV6 = ipaddr.parseCIDR('2000::/3')

/** ipaddr.js range names → ours; names not listed (unicast, 6to4, teredo, NAT64...) are public transit addresses. */
const rangeNames: Readonly<Record<string, NonPublicRange>> = {
  private: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade-nat',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'unique-local',
  multicast: 'multicast',
  broadcast: 'broadcast',
  unspecified: 'unspecified',
  reserved: 'reserved',
  benchmarking: 'benchmarking',
  discard: 'reserved',
  as112: 'reserved',
  as112v6: 'reserved',
  amt: 'reserved',
  orchid2: 'reserved',
  deprecatedOrchid: 'reserved',
  droneRemoteIdProtocolEntityTags: 'reserved',
  segmentRouting: 'reserved',
}

const inAny = (address: ipaddr.IPv4 | ipaddr.IPv6, blocks: readonly (readonly [ipaddr.IPv4 | ipaddr.IPv6, number])[]) =>
  blocks.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits))

/**
 * Parses an IP address as a web server logs it: dotted-quad IPv4 or IPv6 (an IPv4-mapped IPv6 address is read as the
 * IPv4 it carries). Shorthand forms such as `127.1`, `0x7f.0.0.1` or zero-padded octets are not what a server records,
 * so they are invalid. The text is parsed here (ipaddr.js's own parser costs tens of microseconds per IPv6 address);
 * ipaddr.js then names the range.
 */
export function parseIp(raw: string): ParsedIp {
  const text = raw.trim()
  let address: ipaddr.IPv4 | ipaddr.IPv6
  const octets = ipv4Octets(text)
  if (octets) address = new ipaddr.IPv4(octets)
  else {
    const parts = ipv6Parts(text)
    if (!parts) return { kind: 'invalid', raw }
    const v6 = new ipaddr.IPv6(parts)
    address = v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6
  }
  const version = address.kind() === 'ipv4' ? 4 : 6
  const canonical = address instanceof ipaddr.IPv6 ? address.toRFC5952String() : address.toString()
  const range = classify(address)
  return range
    ? { kind: 'non-public', raw, address: canonical, version, range }
    : { kind: 'public', raw, address: canonical, version }
}

/**
 * The numeric form of an address, for range arithmetic: IPv4 as one unsigned 32-bit number, IPv6 as four unsigned
 * 32-bit words, most significant first. It reads the same text forms as `parseIp` (an IPv4-mapped IPv6 address is the
 * IPv4 it carries) and gives undefined for anything that is not an address; it does not classify the range.
 */
export type IpNumber =
  | { readonly version: 4; readonly value: number }
  | { readonly version: 6; readonly words: readonly [number, number, number, number] }

export function ipNumber(raw: string): IpNumber | undefined {
  const text = raw.trim()
  const octets = ipv4Octets(text)
  if (octets) return { version: 4, value: wordOf(octets[0] ?? 0, octets[1] ?? 0, octets[2] ?? 0, octets[3] ?? 0) }
  const parts = ipv6Parts(text)
  if (!parts) return undefined
  const group = (index: number): number => parts[index] ?? 0
  const isIpv4Mapped = parts.slice(0, 5).every((part) => part === 0) && group(5) === 0xffff
  if (isIpv4Mapped) return { version: 4, value: (group(6) * 0x10000 + group(7)) >>> 0 }
  return {
    version: 6,
    words: [
      (group(0) * 0x10000 + group(1)) >>> 0,
      (group(2) * 0x10000 + group(3)) >>> 0,
      (group(4) * 0x10000 + group(5)) >>> 0,
      (group(6) * 0x10000 + group(7)) >>> 0,
    ],
  }
}

const wordOf = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0

const ipv4Pattern = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/

function ipv4Octets(text: string): number[] | undefined {
  const match = ipv4Pattern.exec(text)
  if (!match) return undefined
  const octets = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])]
  return octets.every((octet) => octet <= 255) ? octets : undefined
}

const hexGroupPattern = /^[0-9a-f]{1,4}$/i

/** The eight 16-bit groups of an IPv6 address (`::` compression, an IPv4 tail and a `%zone` suffix allowed). */
function ipv6Parts(text: string): number[] | undefined {
  if (!text.includes(':')) return undefined
  const percent = text.indexOf('%')
  const body = percent === -1 ? text : text.slice(0, percent)
  if (percent !== -1 && percent === text.length - 1) return undefined
  const halves = body.split('::')
  if (halves.length > 2) return undefined
  const groupsOf = (half: string): number[] | undefined => {
    if (half === '') return []
    const groups: number[] = []
    const pieces = half.split(':')
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index] ?? ''
      if (index === pieces.length - 1 && piece.includes('.')) {
        const octets = ipv4Octets(piece)
        if (!octets) return undefined
        groups.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0))
      } else if (hexGroupPattern.test(piece)) groups.push(parseInt(piece, 16))
      else return undefined
    }
    return groups
  }
  const head = groupsOf(halves[0] ?? '')
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : []
  if (!head || !tail) return undefined
  if (halves.length === 1) return head.length === 8 ? head : undefined
  // An IPv4 tail may only end the address.
  if (head.length > 0 && (halves[0] ?? '').includes('.')) return undefined
  const missing = 8 - head.length - tail.length
  if (missing < 1) return undefined
  return [...head, ...Array.from({ length: missing }, () => 0), ...tail]
}

function classify(address: ipaddr.IPv4 | ipaddr.IPv6): NonPublicRange | undefined {
  if (inAny(address, documentationBlocks)) return 'documentation'
  if (inAny(address, benchmarkingBlocks)) return 'benchmarking'
  const named = rangeNames[address.range()]
  if (named) return named
  // IANA has allocated only 2000::/3 for global unicast; the rest of the IPv6 space is unassigned.
  if (address.kind() === 'ipv6' && !address.match(globalUnicastV6)) return 'reserved'
  return undefined
}
