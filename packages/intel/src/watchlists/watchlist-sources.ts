import type { IntelSourceDefinition } from '../source/intel-source.js'

/** The source definitions of the organisation's watchlists. */
export const watchlistSources: readonly IntelSourceDefinition[] = []
