import { ipNumber } from '@hirewall/core'

/** An IPv4 or IPv6 network: the address as a number with its host bits zeroed, and how many leading bits are fixed. */
export type IpRange = { readonly version: 4 | 6; readonly network: bigint; readonly prefixLength: number }

export type IpRangeReading =
  { readonly status: 'ok'; readonly range: IpRange } | { readonly status: 'invalid'; readonly message: string }

/** An address as a number: 32 bits for IPv4, 128 for IPv6. */
export type IpBits = { readonly version: 4 | 6; readonly bits: bigint }

export const addressWidths = { 4: 32, 6: 128 } as const

/**
 * Reads one address (`203.0.113.7`, `2001:db8::1`), a single-address network, or a CIDR range (`203.0.113.0/24`,
 * `2001:db8::/32`). Host bits set in a range (`203.0.113.7/24`) are cleared, as routers read it; an IPv4-mapped IPv6
 * range (`::ffff:203.0.113.0/120`) is the IPv4 range it carries. A /0 range is refused: it would match everyone.
 */
export function parseIpRange(text: string): IpRangeReading {
  const trimmed = text.trim()
  const slash = trimmed.indexOf('/')
  const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash)
  const address = ipBits(addressText)
  if (address === undefined) return { status: 'invalid', message: `"${addressText}" is not an IPv4 or IPv6 address` }
  const width = addressWidths[address.version]
  if (slash === -1)
    return { status: 'ok', range: { version: address.version, network: address.bits, prefixLength: width } }
  const prefixText = trimmed.slice(slash + 1)
  if (!/^\d{1,3}$/.test(prefixText)) return { status: 'invalid', message: `"/${prefixText}" is not a prefix length` }
  const isMapped = address.version === 4 && addressText.includes(':')
  const prefixLength = Number(prefixText) - (isMapped ? 96 : 0)
  if (prefixLength < 0 || prefixLength > width) {
    return { status: 'invalid', message: `/${prefixText} is not a prefix length of an IPv${address.version} address` }
  }
  if (prefixLength === 0) return { status: 'invalid', message: `/${prefixText} would match every address` }
  return {
    status: 'ok',
    range: { version: address.version, network: maskBits(address.bits, width, prefixLength), prefixLength },
  }
}

/** The number of an address in the forms core's `parseIp` reads (IPv4-mapped IPv6 is IPv4); undefined otherwise. */
export function ipBits(text: string): IpBits | undefined {
  const parsed = ipNumber(text)
  if (parsed === undefined) return undefined
  if (parsed.version === 4) return { version: 4, bits: BigInt(parsed.value) }
  const [a, b, c, d] = parsed.words.map(BigInt) as [bigint, bigint, bigint, bigint]
  return { version: 6, bits: (a << 96n) | (b << 64n) | (c << 32n) | d }
}

/** The address with every bit after the first `prefixLength` cleared. */
export function maskBits(bits: bigint, width: number, prefixLength: number): bigint {
  const hostBits = BigInt(width - prefixLength)
  return (bits >> hostBits) << hostBits
}
