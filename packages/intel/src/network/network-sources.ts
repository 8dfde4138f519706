import type { IntelSourceDefinition } from '../source/intel-source.js'

/** The source definitions of network classification lists (X4BNet VPN and data-centre ranges, the user's classification, Tor exits). */
export const networkSources: readonly IntelSourceDefinition[] = []
