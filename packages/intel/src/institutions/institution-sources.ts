import type { IntelSourceDefinition } from '../source/intel-source.js'

/** The source definitions of institution lists (world universities, IPEDS, high-risk lists). */
export const institutionSources: readonly IntelSourceDefinition[] = []
