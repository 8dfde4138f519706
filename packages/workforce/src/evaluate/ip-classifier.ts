import { ipNumber, parseIp } from '@hirewall/core'
import {
  createIpRangeSet,
  createNetworkIndex,
  readIpBlock,
  type IpDatabase,
  type IpFacts,
  type LoadedList,
  type NetworkKind,
  type NetworkMatch,
  type NetworkRange,
} from '@hirewall/intel'

/** What the engine knows about one client address. */
export type IpClass =
  | { readonly kind: 'unusable' }
  /** The organisation's own egress (corporate VPN, office): says nothing about where the person is. */
  | { readonly kind: 'trusted'; readonly address: string; readonly network: string }
  | {
      readonly kind: 'public'
      readonly address: string
      readonly facts: IpFacts
      /** The anonymising network it belongs to (VPN, hosting, proxy, Tor), best match first; absent for a home or mobile line. */
      readonly anonymiser?: { readonly kind: NetworkKind; readonly match: NetworkMatch }
    }

/** The network intelligence the engine consults, from `@hirewall/intel`: classified ranges and the IP database. */
export type NetworkIntel = {
  readonly ranges: readonly LoadedList<NetworkRange>[]
  readonly ipDatabase?: IpDatabase
}

export type IpClassifier = {
  readonly classify: (ip: string) => IpClass
  /** How many distinct addresses were classified (each once: the answers are cached). */
  readonly size: () => number
}

// VPN, proxy and Tor say more about the person than "hosting", which VPNs rent their exits from.
const anonymiserOrder: readonly NetworkKind[] = ['tor-exit', 'vpn', 'proxy', 'hosting']

/**
 * Classifies client addresses with the network intelligence (classified ranges and ASNs, the offline IP database) and
 * the organisation's trusted networks (CIDRs of its VPN and offices). Answers are cached per address: a workforce signs
 * in from few addresses, again and again. Invalid trusted-network entries are returned by `trustedNetworkProblems`.
 */
export function createIpClassifier(
  intel: NetworkIntel | undefined,
  trustedNetworks: readonly string[] = [],
  cacheLimit = 200_000,
): IpClassifier {
  const index = intel ? createNetworkIndex(intel.ranges) : undefined
  const database = intel?.ipDatabase
  const trusted = createIpRangeSet(
    trustedNetworks.flatMap((network) => {
      const reading = readIpBlock(network)
      return reading.status === 'ok' ? [{ block: reading.block, item: network.trim() }] : []
    }),
  )
  const cache = new Map<string, IpClass>()
  const unusable: IpClass = { kind: 'unusable' }
  return {
    size: () => cache.size,
    classify(ip) {
      const cached = cache.get(ip)
      if (cached) return cached
      const parsed = parseIp(ip)
      let result: IpClass = unusable
      if (parsed.kind === 'public') {
        const address = ipNumber(parsed.address)
        const network = address ? trusted.lookup(address)[0] : undefined
        if (network !== undefined) result = { kind: 'trusted', address: parsed.address, network }
        else {
          const facts = database ? database.lookup(parsed.address) : {}
          const matches = address && index ? index.match(address, facts.asn) : []
          let anonymiser: { kind: NetworkKind; match: NetworkMatch } | undefined
          for (const kind of anonymiserOrder) {
            const match = matches.find((candidate) => candidate.range.kind === kind)
            if (match) {
              anonymiser = { kind, match }
              break
            }
          }
          result = { kind: 'public', address: parsed.address, facts, ...(anonymiser ? { anonymiser } : {}) }
        }
      } else if (parsed.kind === 'non-public') {
        const address = ipNumber(parsed.address)
        const network = address ? trusted.lookup(address)[0] : undefined
        if (network !== undefined) result = { kind: 'trusted', address: parsed.address, network }
      }
      if (cache.size >= cacheLimit) cache.clear()
      cache.set(ip, result)
      return result
    },
  }
}

/** The trusted-network entries that are not an address or CIDR, with why. */
export function trustedNetworkProblems(trustedNetworks: readonly string[]): readonly string[] {
  return trustedNetworks.flatMap((network) => {
    const reading = readIpBlock(network)
    return reading.status === 'ok' ? [] : [`trusted network "${network}": ${reading.message}`]
  })
}
