import { ipNumber, type IpNumber } from '@hirewall/core'

/**
 * An inclusive range of addresses of one IP version. IPv4 bounds are plain numbers; IPv6 bounds are bigints, because
 * range arithmetic (the end of a /48, the next address) needs all 128 bits.
 */
export type IpBlock =
  | { readonly version: 4; readonly first: number; readonly last: number }
  | { readonly version: 6; readonly first: bigint; readonly last: bigint }

const prefixPattern = /^\d{1,3}$/
const ipv4Max = 0xffffffff
const ipv6Max = (1n << 128n) - 1n

/** The 128-bit value of an IPv6 address from its four 32-bit words. */
export function ipv6Value(words: readonly [number, number, number, number]): bigint {
  return (BigInt(words[0]) << 96n) | (BigInt(words[1]) << 64n) | (BigInt(words[2]) << 32n) | BigInt(words[3])
}

/** The four 32-bit words of a 128-bit IPv6 value, most significant first. */
export function ipv6Words(value: bigint): [number, number, number, number] {
  return [
    Number((value >> 96n) & 0xffffffffn),
    Number((value >> 64n) & 0xffffffffn),
    Number((value >> 32n) & 0xffffffffn),
    Number(value & 0xffffffffn),
  ]
}

function blockOfAddress(address: IpNumber): IpBlock {
  if (address.version === 4) return { version: 4, first: address.value, last: address.value }
  const value = ipv6Value(address.words)
  return { version: 6, first: value, last: value }
}

/** A block read from text, with the prefix length written (32 or 128 for a single address), or why it is not one. */
export type IpBlockReading =
  | { readonly status: 'ok'; readonly block: IpBlock; readonly prefixLength: number }
  | { readonly status: 'invalid'; readonly message: string }

/**
 * Reads a CIDR block (`203.0.113.0/24`, `2001:db8::/32`) or a single address (`198.51.100.7`, a /32 or /128). Host
 * bits below the prefix are ignored, as routers do: `10.1.2.3/8` is `10.0.0.0/8`. An IPv4-mapped IPv6 block
 * (`::ffff:203.0.113.0/120`) is the IPv4 block it carries. `invalid` says which half of the text is wrong.
 */
export function readIpBlock(text: string): IpBlockReading {
  const trimmed = text.trim()
  const slash = trimmed.indexOf('/')
  const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash)
  const address = ipNumber(addressText)
  if (!address) return { status: 'invalid', message: `"${addressText}" is not an IPv4 or IPv6 address` }
  const width = address.version === 4 ? 32 : 128
  if (slash === -1) return { status: 'ok', block: blockOfAddress(address), prefixLength: width }
  const prefixText = trimmed.slice(slash + 1).trim()
  if (!prefixPattern.test(prefixText)) return { status: 'invalid', message: `"/${prefixText}" is not a prefix length` }
  // core reads `::ffff:a.b.c.d` as IPv4, so the prefix written over 128 bits counts from the IPv4 part.
  const isMapped = address.version === 4 && addressText.includes(':')
  const prefixLength = Number(prefixText) - (isMapped ? 96 : 0)
  if (prefixLength < 0 || prefixLength > width) {
    return { status: 'invalid', message: `/${prefixText} is not a prefix length of an IPv${address.version} address` }
  }
  if (address.version === 4) {
    const size = 2 ** (32 - prefixLength)
    const first = Math.floor(address.value / size) * size
    return { status: 'ok', block: { version: 4, first, last: first + size - 1 }, prefixLength }
  }
  const hostBits = BigInt(128 - prefixLength)
  const first = (ipv6Value(address.words) >> hostBits) << hostBits
  return { status: 'ok', block: { version: 6, first, last: first + (1n << hostBits) - 1n }, prefixLength }
}

/** `readIpBlock` when only the block matters: undefined when the text is neither a CIDR block nor an address. */
export function parseIpBlock(text: string): IpBlock | undefined {
  const reading = readIpBlock(text)
  return reading.status === 'ok' ? reading.block : undefined
}

/** The block from one address to another, inclusive (`1.2.3.0`, `1.2.4.255`); undefined unless both are addresses of one version in order. */
export function ipBlockBetween(firstText: string, lastText: string): IpBlock | undefined {
  const first = ipNumber(firstText)
  const last = ipNumber(lastText)
  if (!first || !last) return undefined
  if (first.version === 4 && last.version === 4) {
    return first.value <= last.value ? { version: 4, first: first.value, last: last.value } : undefined
  }
  if (first.version === 6 && last.version === 6) {
    const [from, to] = [ipv6Value(first.words), ipv6Value(last.words)]
    return from <= to ? { version: 6, first: from, last: to } : undefined
  }
  return undefined
}

/** Whether a block holds an address. */
export function ipBlockContains(block: IpBlock, address: IpNumber): boolean {
  if (block.version === 4) return address.version === 4 && block.first <= address.value && address.value <= block.last
  if (address.version !== 4) {
    const value = ipv6Value(address.words)
    return block.first <= value && value <= block.last
  }
  return false
}

/** The number of addresses in a block, as a bigint so that IPv6 sizes stay exact. */
export function ipBlockSize(block: IpBlock): bigint {
  return block.version === 4 ? BigInt(block.last - block.first + 1) : block.last - block.first + 1n
}

/** The fewest CIDR blocks that cover exactly this block (`1.2.3.0`–`1.2.4.255` is `1.2.3.0/24` and `1.2.4.0/24`). */
export function ipBlockToCidrs(block: IpBlock): string[] {
  const bits = block.version === 4 ? 32 : 128
  const max = block.version === 4 ? BigInt(ipv4Max) : ipv6Max
  const format = (value: bigint): string =>
    block.version === 4 ? formatIpv4(Number(value)) : formatIpv6(ipv6Words(value))
  const cidrs: string[] = []
  let start = BigInt(block.first)
  const end = BigInt(block.last)
  while (start <= end) {
    // The largest aligned block starting here that does not run past the end.
    let size = 0
    while (size < bits) {
      const next = 1n << BigInt(size + 1)
      if (start % next !== 0n || start + next - 1n > end) break
      size++
    }
    cidrs.push(`${format(start)}/${bits - size}`)
    const after = start + (1n << BigInt(size))
    if (after > max) break
    start = after
  }
  return cidrs
}

/** Dotted-quad text of an IPv4 number. */
export function formatIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`
}

/** RFC 5952 text of an IPv6 address (lower case, the longest run of two or more zero groups as `::`). */
export function formatIpv6(words: readonly [number, number, number, number]): string {
  const groups = words.flatMap((word) => [word >>> 16, word & 0xffff])
  let bestStart = -1
  let bestLength = 1
  for (let index = 0; index < 8;) {
    if (groups[index] !== 0) {
      index++
      continue
    }
    let end = index
    while (end < 8 && groups[end] === 0) end++
    if (end - index > bestLength) [bestStart, bestLength] = [index, end - index]
    index = end
  }
  const hex = (part: readonly number[]): string => part.map((group) => group.toString(16)).join(':')
  if (bestStart === -1) return hex(groups)
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`
}
