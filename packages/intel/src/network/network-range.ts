/** What kind of network an address range or autonomous system is. */
export const networkKinds = ['vpn', 'hosting', 'proxy', 'tor-exit'] as const
export type NetworkKind = (typeof networkKinds)[number]

/** One classified network: an IP range (CIDR) or a whole autonomous system (ASN). */
export type NetworkRange = {
  readonly kind: NetworkKind
  /** `203.0.113.0/24`, `2001:db8::/32` or a single address; absent when the entry is a whole ASN. */
  readonly cidr?: string
  readonly asn?: number
  /** The operator or service when known ("Astrill VPN", "Amazon AWS"). */
  readonly name?: string
  readonly list: string
}
