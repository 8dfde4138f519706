import type { IntelKind, ParsedIntel } from '../source/intel-source.js'

export type IntelArea = ParsedIntel['area']

/** The area each kind's parser fills; the loader groups lists by it and `intel status` tells what is missing. */
export const intelKindAreas = {
  'ofac-sdn': 'sanctions',
  'ofac-consolidated': 'sanctions',
  'un-consolidated': 'sanctions',
  opensanctions: 'sanctions',
  'world-universities': 'institutions',
  ipeds: 'institutions',
  'high-risk-institutions': 'high-risk-institutions',
  'x4b-vpn': 'network',
  'x4b-datacenter': 'network',
  'network-classification': 'network',
  'tor-exits': 'network',
  watchlist: 'watchlist',
} as const satisfies Record<IntelKind, IntelArea>

/** The kinds that are sanctions lists. */
export const sanctionsKinds: readonly IntelKind[] = (Object.keys(intelKindAreas) as IntelKind[]).filter(
  (kind) => intelKindAreas[kind] === 'sanctions',
)
