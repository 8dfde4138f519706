import type { IntelSourceDefinition } from '../source/intel-source.js'

/** The source definitions of sanctions lists (OFAC SDN, OFAC consolidated, UN consolidated, OpenSanctions). */
export const sanctionsSources: readonly IntelSourceDefinition[] = []
